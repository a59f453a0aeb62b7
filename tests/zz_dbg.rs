use organigram::export::*;
use organigram::layout::layout_chart;
#[test]
fn dbg() {
    for n in [1000usize, 5000] {
        let chart = organigram::generate::generate(n, 1, organigram::generate::Shape::Organisation);
        let options = ExportChoices { format: ExportFormat::Pptx, ..ExportChoices::default() }.options(&chart);
        let style = pptx::deck_style(&options.style);
        let layout = layout_chart(&chart, &style, &options.layout);
        let t = std::time::Instant::now();
        let plan = pptx::deck_plan(&chart, &layout, &options).unwrap();
        let over: Vec<_> = plan.pages.iter().filter(|p| p.scale < plan.scale - 1e-6).collect();
        let cards: usize = over.iter().map(|p| p.drawing.cards.len()).sum();
        println!("RESULT {n}: {} pages in {:?}, scale {}, {} oversize pages with {} cards, min scale {:?}", plan.pages.len(), t.elapsed(), plan.scale, over.len(), cards, over.iter().map(|p| p.scale).fold(f32::MAX, f32::min));
        for p in over.iter().take(3) { println!("  {:?} {} cards bounds {:?}", p.kind, p.drawing.cards.len(), p.drawing.bounds); }
    }
}
