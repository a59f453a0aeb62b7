//! The words duty documents are recognised by, in Chinese and English: the parts'
//! headings, the labels of a post's particulars, web-page noise, and the end of a
//! scraped page. The words Organigram's own handbook writes come from its Fluent files,
//! so a handbook written in either language reads back.

use crate::i18n::{tr, Lang};

use super::blocks::{is_space, Block, BlockKind};

/// A part of a duty document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Before the first part: the title, the organisation, notes.
    Front,
    /// The organisation chart (a picture in the original; its text is skipped).
    Chart,
    /// Each unit's responsibilities (部门解析).
    Units,
    /// Each post's duties, unit by unit (岗位职责分解).
    Posts,
}

const UNITS_ZH: [&str; 7] = [
    "部门解析",
    "部门职责",
    "部门职能",
    "部门设置",
    "部门说明",
    "职能说明",
    "部门介绍",
];
const POSTS_ZH: [&str; 6] = [
    "岗位职责",
    "职责分解",
    "岗位说明",
    "职位说明",
    "职务说明",
    "工作职责",
];
const CHART_ZH: [&str; 4] = ["组织架构", "组织结构", "架构图", "组织图"];
const UNITS_EN: [&str; 5] = [
    "unit responsibilities",
    "department responsibilities",
    "departments",
    "units",
    "responsibilities of units",
];
const POSTS_EN: [&str; 6] = [
    "post duties",
    "job descriptions",
    "job duties",
    "duties",
    "position descriptions",
    "duties of posts",
];
const CHART_EN: [&str; 5] = [
    "organisation chart",
    "organization chart",
    "org chart",
    "organisational structure",
    "organizational structure",
];

/// The part a block begins, if it is a part's heading: a heading or a numbered line
/// (一、 1. 第一章) naming one, or a line that is exactly a part's name.
pub(crate) fn part_of(block: &Block) -> Option<Part> {
    let (numbered, rest) = strip_part_number(&block.raw);
    let rest = rest.trim_matches(is_space).trim_end_matches([':', '：']);
    if rest.chars().count() > 24 || rest.is_empty() {
        return None;
    }
    let lower = rest.to_lowercase();
    for lang in Lang::ALL {
        for (id, part) in [
            ("handbook-section-chart", Part::Chart),
            ("handbook-section-units", Part::Units),
            ("handbook-section-posts", Part::Posts),
        ] {
            if lower == tr(lang, id).to_lowercase() {
                return Some(part);
            }
        }
    }
    // An unnumbered heading names a part in a few words (岗位职责, Duties), not in a
    // title's many (营销部组织架构图与岗位职责).
    let heading = matches!(block.kind, BlockKind::Heading(_)) && rest.chars().count() <= 10;
    if !numbered && !heading {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let is = |words: &[&str]| words.iter().any(|w| lower == *w);
    if has(&UNITS_ZH) || is(&UNITS_EN) {
        Some(Part::Units)
    } else if has(&POSTS_ZH) || is(&POSTS_EN) {
        Some(Part::Posts)
    } else if has(&CHART_ZH) || CHART_EN.iter().any(|w| lower.contains(w)) {
        Some(Part::Chart)
    } else {
        None
    }
}

/// A part's number taken off: 一、 二. 第三章 4. 5、 — and whether there was one.
fn strip_part_number(text: &str) -> (bool, &str) {
    let text = text.trim_matches(is_space);
    const NUMERALS: &str = "一二三四五六七八九十零〇";
    let rest = text.strip_prefix('第').unwrap_or(text);
    let digits = rest
        .char_indices()
        .find(|&(_, c)| !(NUMERALS.contains(c) || c.is_ascii_digit()))
        .map_or(rest.len(), |(at, _)| at);
    if digits == 0 {
        return (false, text);
    }
    let after = &rest[digits..];
    for mark in [
        "、", ".", "．", ")", "）", "章", "部分", "节", " ", "\u{3000}",
    ] {
        if let Some(more) = after.strip_prefix(mark) {
            return (true, more.trim_start_matches(['、', '.', ' ', '\u{3000}']));
        }
    }
    (false, text)
}

/// A particular of a post or unit, from a labelled field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// 直接上级：… — the post (or unit) it reports to.
    ReportsTo(String),
    /// 任职者：… — `None` for vacant.
    Holder(Option<String>),
    /// 编制：…
    Headcount(u32),
    /// 岗位类型：助理
    Assistant(bool),
    /// 备注：…
    Notes(String),
}

const REPORTS_TO: [&str; 8] = [
    "直接上级",
    "上级",
    "汇报对象",
    "汇报上级",
    "上级岗位",
    "reports to",
    "reporting to",
    "manager",
];
const HOLDER: [&str; 7] = [
    "任职者",
    "任职人",
    "在岗人员",
    "姓名",
    "holder",
    "incumbent",
    "name",
];
const HEADCOUNT: [&str; 5] = ["编制", "编制人数", "定编", "定员", "headcount"];
const KIND: [&str; 3] = ["岗位类型", "post type", "type"];
const NOTES: [&str; 3] = ["备注", "notes", "note"];
const VACANT: [&str; 6] = ["空缺", "vacant", "无", "暂无", "-", "—"];
const ASSISTANT: [&str; 2] = ["助理", "assistant"];

/// True when `label` is one of `words` or the handbook's own word `id` in a language.
fn label_is(label: &str, words: &[&str], id: &str) -> bool {
    let label = label.to_lowercase();
    words.iter().any(|w| label == *w)
        || Lang::ALL.iter().any(|&l| label == tr(l, id).to_lowercase())
}

/// The fields of a line of labelled particulars (`直接上级：营销总监　｜　编制：1`), or
/// `None` when the line is not one: every piece must be a known label and a value.
pub(crate) fn fields(text: &str) -> Option<Vec<Field>> {
    let split = |piece: &str| -> Option<(String, String)> {
        let (label, value) = piece.split_once(['：', ':'])?;
        let label = label.trim_matches(is_space);
        (!label.is_empty() && label.chars().count() <= 12)
            .then(|| (label.to_owned(), value.trim_matches(is_space).to_owned()))
    };
    // Notes take the rest of the line, whatever it holds.
    if let Some((label, value)) = split(text) {
        if label_is(&label, &NOTES, "handbook-notes") {
            return Some(vec![Field::Notes(value)]);
        }
    }
    let mut found = Vec::new();
    for piece in text.split(['|', '｜']) {
        let (label, value) = split(piece)?;
        let field = if label_is(&label, &REPORTS_TO, "handbook-reports-to") {
            Field::ReportsTo(value)
        } else if label_is(&label, &HOLDER, "handbook-holder") {
            let vacant = value.is_empty() || label_is(&value, &VACANT, "handbook-vacant");
            Field::Holder((!vacant).then_some(value))
        } else if label_is(&label, &HEADCOUNT, "handbook-headcount") {
            let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
            Field::Headcount(digits.parse().ok().filter(|&n| n >= 1)?)
        } else if label_is(&label, &KIND, "handbook-kind") {
            Field::Assistant(label_is(&value, &ASSISTANT, "handbook-assistant"))
        } else {
            return None;
        };
        found.push(field);
    }
    (!found.is_empty()).then_some(found)
}

/// Lines that only announce the duties below them (岗位职责：, Duties:), and the
/// handbook's "no duties listed": nothing to keep.
pub(crate) fn is_filler(text: &str) -> bool {
    const LABELS: [&str; 10] = [
        "岗位职责",
        "职责",
        "主要职责",
        "工作职责",
        "职责描述",
        "工作内容",
        "duties",
        "main duties",
        "responsibilities",
        "key responsibilities",
    ];
    let label = text.trim_matches(is_space).trim_end_matches([':', '：']);
    let lower = label.to_lowercase();
    LABELS.iter().any(|w| lower == *w)
        || Lang::ALL
            .iter()
            .any(|&l| text.trim_matches(is_space) == tr(l, "handbook-no-duties"))
}

/// Web-page noise in front of a scraped document: download notices and the like.
pub(crate) fn is_noise(text: &str) -> bool {
    const NOISE: [&str; 8] = [
        "下载", "预览", "侵犯", "客服", "退款", "付费", "会员", "登录",
    ];
    NOISE.iter().any(|w| text.contains(w))
}

/// The line a scraped page's document ends at: what follows is the site's.
pub(crate) fn is_end(text: &str) -> bool {
    const ENDS: [&str; 9] = [
        "相关文档",
        "最新文档",
        "相关推荐",
        "猜你喜欢",
        "热门文档",
        "相关搜索",
        "上一篇",
        "下一篇",
        "本文档",
    ];
    let text = text.trim_matches(is_space);
    ENDS.iter()
        .any(|w| text == *w || (text.starts_with(w) && text.chars().count() <= 8))
}

/// The heading of a table of contents (目录, Contents).
pub(crate) fn is_contents(text: &str) -> bool {
    let text = text.trim_matches(is_space).trim_end_matches([':', '：']);
    ["目录", "目 录", "contents", "table of contents"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w))
        || Lang::ALL
            .iter()
            .any(|&l| text == tr(l, "handbook-contents"))
}

/// The posts outside any unit, as the handbook heads them.
pub(crate) fn is_outside_units(text: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&l| text.trim_matches(is_space) == tr(l, "handbook-no-unit"))
}

/// Text that reads as a sentence, not a name: it has sentence punctuation.
pub(crate) fn is_sentence(text: &str) -> bool {
    text.contains([
        '，', ',', '。', '；', ';', '！', '？', '!', '?', '、', '：', ':',
    ])
}

/// Text that can be a unit's or post's name: short (30 characters of Chinese, or eight
/// words of English), and no sentence.
pub(crate) fn is_name(text: &str) -> bool {
    let length = text.chars().count();
    let short = if text.chars().any(crate::fonts::is_wide) {
        length <= 30
    } else {
        length <= 60 && text.split_whitespace().count() <= 8
    };
    length >= 1 && short && !is_sentence(text) && !text.ends_with('.')
}

/// A name before a colon that starts a unit's responsibilities (销售部：…): shorter than
/// other names, so that a sentence's own colon (目标：…) is not taken for one.
pub(crate) fn is_unit_label(text: &str) -> bool {
    let wide = text.chars().any(crate::fonts::is_wide);
    is_name(text) && (!wide || text.chars().count() <= 20)
}

/// A unit's or post's name as written, without a number in front (（一）销售部,
/// 1. 销售经理) or a colon after.
pub(crate) fn clean_name(text: &str) -> String {
    let mut name = text.trim_matches(is_space);
    for _ in 0..3 {
        match crate::model::strip_duty_marker(name) {
            Some(rest) if !rest.is_empty() => name = rest,
            _ => break,
        }
        name = name.trim_start_matches(['、', '.', '．', ' ', '\u{3000}']);
    }
    name.trim_end_matches([':', '：'])
        .trim_matches(is_space)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The top unit's name a title suggests: 营销部组织架构图与岗位职责 → 营销部,
/// Marketing Division: Organisation Chart and Job Duties → Marketing Division.
pub(crate) fn top_name(title: &str) -> Option<String> {
    const CUTS: [&str; 10] = [
        "组织架构",
        "组织结构",
        "岗位职责",
        "岗位说明",
        "职责",
        "organisation chart",
        "organization chart",
        "org chart",
        "job duties",
        "post duties",
    ];
    let lower = title.to_ascii_lowercase();
    let cut = CUTS.iter().filter_map(|c| lower.find(c)).min()?;
    let name = title[..cut].trim_end_matches(|c: char| {
        is_space(c)
            || matches!(
                c,
                ':' | '：' | '-' | '—' | '与' | '及' | '和' | '的' | '·' | ',' | '，'
            )
    });
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Para, text, 1)
    }

    #[test]
    fn parts_are_told_by_their_headings() {
        assert_eq!(part_of(&para("一、营销部组织架构图")), Some(Part::Chart));
        assert_eq!(part_of(&para("二、部门解析")), Some(Part::Units));
        assert_eq!(
            part_of(&para("三、营销部各部门组织架构")),
            Some(Part::Chart)
        );
        assert_eq!(part_of(&para("四、岗位职责分解")), Some(Part::Posts));
        assert_eq!(part_of(&para("3. Post duties")), Some(Part::Posts));
        assert_eq!(part_of(&para("营销部组织架构图与岗位职责")), None);
        assert_eq!(
            part_of(&para("1、销售部:负责全国范围内经销商的渠道拓展任务")),
            None
        );
        assert_eq!(part_of(&para("➢负责部门费用的预算和控制")), None);
    }

    #[test]
    fn particulars_are_read_in_both_languages() {
        assert_eq!(
            fields("直接上级：营销总监　｜　任职者：空缺　｜　编制：1"),
            Some(vec![
                Field::ReportsTo("营销总监".into()),
                Field::Holder(None),
                Field::Headcount(1),
            ])
        );
        assert_eq!(
            fields("Reports to: Director  |  Holder: Wang Li  |  Headcount: 3  |  Post type: Assistant"),
            Some(vec![
                Field::ReportsTo("Director".into()),
                Field::Holder(Some("Wang Li".into())),
                Field::Headcount(3),
                Field::Assistant(true),
            ])
        );
        assert_eq!(fields("销售部:负责全国范围内经销商"), None);
        assert_eq!(
            fields("备注：原文 | 未列出"),
            Some(vec![Field::Notes("原文 | 未列出".into())])
        );
    }

    #[test]
    fn titles_suggest_the_top_unit() {
        assert_eq!(
            top_name("营销部组织架构图与岗位职责").as_deref(),
            Some("营销部")
        );
        assert_eq!(
            top_name("Marketing Division: Organisation Chart and Job Duties").as_deref(),
            Some("Marketing Division")
        );
        assert_eq!(top_name("岗位职责"), None);
        assert_eq!(clean_name("（一）、销售部"), "销售部");
        assert_eq!(clean_name("1. 销售经理："), "销售经理");
        assert_eq!(clean_name("5G事业部"), "5G事业部");
    }
}
