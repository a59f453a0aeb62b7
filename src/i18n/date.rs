//! Dates as people write them: today in the user's time zone, in either language.

use super::Lang;

/// Today's date in the system's time zone (`TZ`, else `/etc/localtime`; UTC when neither
/// says).
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// `date` written out: “2026年11月30日” in Chinese, “30 November 2026” in English.
pub fn long_date(lang: Lang, date: jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = (date.year(), date.month(), date.day());
    match lang {
        Lang::Chinese => format!("{year}年{month}月{day}日"),
        Lang::English => {
            let name = usize::try_from(month - 1)
                .ok()
                .and_then(|index| MONTHS.get(index))
                .copied()
                .unwrap_or_default();
            format!("{day} {name} {year}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_each_language() {
        let date = jiff::civil::date(2026, 11, 30);
        assert_eq!(long_date(Lang::Chinese, date), "2026年11月30日");
        assert_eq!(long_date(Lang::English, date), "30 November 2026");
        assert_eq!(
            long_date(Lang::English, jiff::civil::date(2000, 2, 29)),
            "29 February 2000"
        );
    }

    #[test]
    fn today_follows_the_time_zone() {
        // 23:30 UTC on 29 November is already 30 November in Shanghai.
        let instant: jiff::Timestamp = "2026-11-29T23:30:00Z".parse().expect("a timestamp");
        let shanghai = instant.in_tz("Asia/Shanghai").expect("the zone").date();
        let utc = instant.in_tz("UTC").expect("the zone").date();
        assert_eq!(long_date(Lang::Chinese, shanghai), "2026年11月30日");
        assert_eq!(long_date(Lang::Chinese, utc), "2026年11月29日");
    }
}
