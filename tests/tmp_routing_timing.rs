use organigram::layout::{layout_chart, CardStyle, LayoutOptions, Routing};
#[test]
fn timing() {
    let chart = organigram::format::read_chart(&std::fs::read("/tmp/100k.ron").unwrap(), "x").unwrap();
    let options = LayoutOptions::default();
    let layout = layout_chart(&chart, &CardStyle::default(), &options);
    for _ in 0..3 { let _ = Routing::new(&chart, &layout, &options); }
    let t = std::time::Instant::now();
    let n = 20;
    for _ in 0..n { std::hint::black_box(Routing::new(&chart, &layout, &options)); }
    eprintln!("TIMING {:?} per routing", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n { std::hint::black_box(organigram::layout::dotted::dotted_requests(&chart, &layout)); }
    eprintln!("TIMING {:?} per requests", t.elapsed() / n);
}
