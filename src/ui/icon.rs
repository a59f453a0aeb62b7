//! The window icon, drawn in code: three cards joined by an elbow connector.

/// A 64×64 icon.
pub fn app_icon() -> egui::IconData {
    const SIZE: usize = 64;
    let mut rgba = vec![0u8; SIZE * SIZE * 4];
    let mut fill = |x0: usize, y0: usize, x1: usize, y1: usize, colour: [u8; 4]| {
        for y in y0..y1.min(SIZE) {
            for x in x0..x1.min(SIZE) {
                let at = (y * SIZE + x) * 4;
                rgba[at..at + 4].copy_from_slice(&colour);
            }
        }
    };
    let blue = [0x1e, 0x78, 0xe5, 0xff];
    let teal = [0x2e, 0x9d, 0x8f, 0xff];
    let line = [0x5c, 0x63, 0x6e, 0xff];
    fill(20, 6, 44, 22, blue);
    fill(31, 22, 33, 32, line);
    fill(13, 31, 51, 33, line);
    fill(13, 33, 15, 42, line);
    fill(49, 33, 51, 42, line);
    fill(2, 42, 26, 58, teal);
    fill(38, 42, 62, 58, teal);
    egui::IconData {
        rgba,
        width: SIZE as u32,
        height: SIZE as u32,
    }
}
