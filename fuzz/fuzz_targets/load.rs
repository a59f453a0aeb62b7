//! The chart loader on arbitrary bytes: it must never panic, hang or allocate without
//! bound, and whatever it accepts must save and load back equal. The fast reader and
//! the serde reader must agree on every input: whatever the fast one reads, serde reads
//! the same; and read in pieces, the fast reader reads exactly what it reads whole.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(difference) = organigram::format::readers_agree(text) {
            panic!("{difference}");
        }
    }
    // Read in pieces of a size the input picks, the same bytes read the same.
    let piece_bytes = data.first().map_or(1, |&b| usize::from(b % 64) + 1);
    if let Err(difference) = organigram::format::pieces_agree(data, piece_bytes, 0) {
        panic!("{difference}");
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
