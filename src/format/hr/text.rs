//! Delimited text: the encoding (byte-order mark, UTF-8, or a guess among legacy
//! encodings), the delimiter (`,` `;` tab `|`), quoted fields holding delimiters, quotes
//! and line breaks, and each row's line in the file.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};

use super::{Encoding, ImportError, ReadOptions, Row, Table, MAX_COLUMNS, MAX_ROWS};

/// The delimiters tried, in order of preference when counts tie.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];
/// How many lines the delimiter is guessed from.
const SNIFF_LINES: usize = 50;

/// Reads delimited text.
pub(super) fn read(
    bytes: &[u8],
    source: &str,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    let (text, encoding) = decode(bytes, options.encoding);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(&text, encoding));
    check_quotes(&text, delimiter, source)?;
    let rows = parse(&text, delimiter, source)?;
    Ok(Table {
        source: source.to_owned(),
        rows,
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        sheets: Vec::new(),
        sheet: None,
    })
}

/// The text and the encoding it was read in: `chosen`, or a byte-order mark's, or UTF-8
/// if the bytes are valid UTF-8, or chardetng's guess (GBK, GB 18030 or Latin-1).
pub(crate) fn decode(bytes: &[u8], chosen: Option<Encoding>) -> (String, Encoding) {
    let bom = encoding_rs::Encoding::for_bom(bytes).map(|(found, _)| found);
    let encoding = chosen.unwrap_or_else(|| match bom {
        Some(found) if found == encoding_rs::UTF_8 => Encoding::Utf8,
        Some(_) => Encoding::Utf16,
        None if std::str::from_utf8(bytes).is_ok() => Encoding::Utf8,
        None => guess(bytes),
    });
    let decoder = match encoding {
        Encoding::Utf8 => encoding_rs::UTF_8,
        Encoding::Utf16 => match bom {
            Some(found) if found == encoding_rs::UTF_16BE => encoding_rs::UTF_16BE,
            _ => encoding_rs::UTF_16LE,
        },
        Encoding::Gbk => encoding_rs::GBK,
        Encoding::Gb18030 => encoding_rs::GB18030,
        Encoding::Latin1 => encoding_rs::WINDOWS_1252,
    };
    // A byte-order mark of the chosen encoding is removed; invalid bytes become U+FFFD.
    let (text, _) = decoder.decode_with_bom_removal(bytes);
    (text.into_owned(), encoding)
}

/// chardetng's guess among the legacy encodings rosters come in.
fn guess(bytes: &[u8]) -> Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let found = detector.guess(None, Utf8Detection::Allow);
    if found == encoding_rs::GBK || found == encoding_rs::GB18030 {
        Encoding::Gbk
    } else if found == encoding_rs::UTF_8 {
        Encoding::Utf8
    } else {
        Encoding::Latin1
    }
}

/// The delimiter that splits the first records most consistently: the one that gives the
/// most records the same number of fields (two or more). Records are read respecting
/// quotes, so a quoted cell with line breaks or other delimiters in it does not mislead.
/// UTF-16 text (Excel's "Unicode text") is tab-separated when in doubt.
fn sniff_delimiter(text: &str, encoding: Encoding) -> u8 {
    let body: String = text
        .lines()
        .skip_while(|line| line.trim().is_empty() || line.starts_with('#'))
        .take(SNIFF_LINES * 4)
        .collect::<Vec<_>>()
        .join("\n");
    let score = |delimiter: u8| -> usize {
        let counts = fields_per_record(&body, delimiter);
        let mut best = 0;
        for &count in counts.iter().filter(|&&c| c >= 2) {
            best = best.max(counts.iter().filter(|&&c| c == count).count());
        }
        best
    };
    let mut chosen = if encoding == Encoding::Utf16 {
        b'\t'
    } else {
        b','
    };
    let mut chosen_score = score(chosen);
    for delimiter in DELIMITERS {
        let candidate = score(delimiter);
        if candidate > chosen_score {
            chosen = delimiter;
            chosen_score = candidate;
        }
    }
    chosen
}

/// How many fields each of the first records has when split at `delimiter`, with line
/// breaks and delimiters inside quotes kept in their field.
fn fields_per_record(text: &str, delimiter: u8) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut fields = 1;
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                counts.push(fields);
                fields = 1;
                if counts.len() == SNIFF_LINES {
                    return counts;
                }
            }
            _ if byte == delimiter && !quoted => fields += 1,
            _ => {}
        }
    }
    counts.push(fields);
    counts
}

/// Refuses text that ends inside a quoted field, naming the line where the quote opened:
/// otherwise the rest of the file would silently become one cell.
fn check_quotes(text: &str, delimiter: u8, source: &str) -> Result<(), ImportError> {
    let mut line = 1;
    let mut opened_at = None;
    let mut field_start = true;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match (opened_at, byte) {
            (Some(_), b'"') if bytes.get(at + 1) == Some(&b'"') => at += 1,
            (Some(_), b'"') => opened_at = None,
            (None, b'"') if field_start => opened_at = Some(line),
            _ => {}
        }
        if byte == b'\n' {
            line += 1;
        }
        field_start = opened_at.is_none() && (byte == delimiter || byte == b'\n' || byte == b'\r');
        at += 1;
    }
    match opened_at {
        Some(opened) => Err(ImportError::at(
            source,
            opened,
            "a quoted field starts here and is never closed, so the rest of the file would be one cell; add the closing quote (\")",
        )),
        None => Ok(()),
    }
}

/// The rows, each with the line it starts on; blank rows and lines starting with `#`
/// before the first row of cells (draw.io's settings and comments) are left out.
fn parse(text: &str, delimiter: u8, source: &str) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                return Err(ImportError::at(source, line, error.to_string()));
            }
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::at(
                source,
                line,
                format!(
                    "this row has {} columns; Organigram reads rosters of up to {MAX_COLUMNS} columns",
                    record.len()
                ),
            ));
        }
        let settings = rows.is_empty() && record.get(0).is_some_and(|c| c.trim().starts_with('#'));
        if settings || record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(ImportError::at(
                source,
                line,
                format!("the roster has more than {MAX_ROWS} rows, more than Organigram reads"),
            ));
        }
        rows.push(Row::new(
            record.position().map_or(line, |p| p.line() as usize),
            record.iter(),
        ));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_found_from_marks_and_content() {
        let gbk = encoding_rs::GBK.encode("工号,姓名\n001,张伟\n").0;
        assert_eq!(
            decode(&gbk, None),
            ("工号,姓名\n001,张伟\n".to_owned(), Encoding::Gbk)
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "工号\t姓名\n".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode(&utf16, None),
            ("工号\t姓名\n".to_owned(), Encoding::Utf16)
        );
        let bom = b"\xEF\xBB\xBFid,name\n";
        assert_eq!(decode(bom, None).0, "id,name\n");
    }

    #[test]
    fn delimiters_are_sniffed_outside_quotes() {
        assert_eq!(
            sniff_delimiter("a;b;c\n1;\"x,y\";3\n", Encoding::Utf8),
            b';'
        );
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n", Encoding::Utf8), b'\t');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n", Encoding::Utf8), b'|');
        assert_eq!(sniff_delimiter("a,b\n1,2\n", Encoding::Utf8), b',');
        // A quoted cell with line breaks and a semicolon does not mislead it.
        let tricky = "id,title,duties\n1,;,\"A\na\"\n2,b,\"x;y\nz\"\n3,c,\n";
        assert_eq!(sniff_delimiter(tricky, Encoding::Utf8), b',');
    }

    #[test]
    fn an_unterminated_quote_is_refused_at_its_line() {
        let error = check_quotes("id,name\n1,\"ok\"\n2,\"open\n3,x\n", b',', "f.csv");
        assert_eq!(
            error.map_err(|e| e.to_string().starts_with("f.csv:3: ")),
            Err(true)
        );
        assert!(check_quotes("a,\"b \"\"c\"\" d\"\n", b',', "f.csv").is_ok());
    }
}
