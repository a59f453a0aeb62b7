//! The chart loader on arbitrary bytes: it must never panic, hang or allocate without
//! bound, and whatever it accepts must save and load back equal. The fast reader and
//! the serde reader must agree on every input: whatever the fast one reads, serde reads
//! the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(difference) = organigram::format::readers_agree(text) {
            panic!("{difference}");
        }
    }
    if let Ok(chart) = organigram::format::read_chart(data, "fuzz.ron") {
        let text = organigram::format::write_chart(&chart);
        let again = organigram::format::read_chart(text.as_bytes(), "fuzz-again.ron");
        assert_eq!(
            again.ok().as_ref(),
            Some(&chart),
            "a loaded chart must round-trip"
        );
    }
});
