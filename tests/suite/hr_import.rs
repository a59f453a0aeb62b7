//! HR files in the shapes real systems write them, each as a fixture the test makes:
//! Visio's wizard, BambooHR, SuccessFactors, id/parent id, draw.io, a GBK roster, Excel's
//! "Unicode text", an .xlsx with a title row; and broken files.

use organigram::format::hr::{
    build, read_table, read_table_file, FileKind, Import, ImportChoices, ImportError, ManagerKey,
    Mapping, ProblemKind, ReadOptions,
};
use organigram::model::{Chart, NodeId, NodeKind};

/// Imports `bytes` with everything detected.
fn import(bytes: &[u8], name: &str) -> Import {
    import_with(bytes, name, &ImportChoices::default())
}

fn import_with(bytes: &[u8], name: &str, choices: &ImportChoices) -> Import {
    let kind = FileKind::from_path(std::path::Path::new(name));
    let table = read_table(bytes, name, kind, &choices.read).unwrap_or_else(|e| panic!("{e}"));
    let mapping = choices.mapping(&table).unwrap_or_else(|e| panic!("{e}"));
    build(&table, &mapping, "roster").unwrap_or_else(|e| panic!("{e}"))
}

fn find(chart: &Chart, title: &str) -> NodeId {
    chart
        .tree_order()
        .find(|&id| chart.node(id).is_some_and(|n| n.title == title))
        .unwrap_or_else(|| panic!("no {title}"))
}

/// The nearest post above `id` (its manager, seen through units).
fn manager(chart: &Chart, id: NodeId) -> Option<String> {
    chart
        .ancestors(id)
        .find(|&a| chart.node(a).is_some_and(|n| n.kind.is_post()))
        .and_then(|a| chart.node(a).map(|n| n.title.clone()))
}

fn unit(chart: &Chart, id: NodeId) -> Option<String> {
    chart
        .unit_of(id)
        .and_then(|u| chart.node(u))
        .map(|u| u.title.clone())
}

#[test]
fn visio_wizard_text_with_managers_by_name() {
    let text = "Name\tReports_To\tTitle\tDepartment\tTelephone\n\
        Joe Sampleboss\t\tCEO\tExecutive\tx5555\n\
        Jane Samplereport\tJoe Sampleboss\tVP Sales\tSales\tx6666\n\
        Bob Seller\tJane Samplereport\tAccount Manager\tSales\tx7777\n\
        Dee Builder\tJoe Sampleboss\tCTO\tEngineering\tx9\n";
    let import = import(text.as_bytes(), "visio.txt");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    assert_eq!((import.posts, import.top_posts, import.depth), (4, 1, 3));
    let bob = find(chart, "Account Manager");
    assert_eq!(manager(chart, bob).as_deref(), Some("VP Sales"));
    assert_eq!(
        chart.node(bob).and_then(|n| n.holder.clone()).as_deref(),
        Some("Bob Seller")
    );
    // Sales is a unit card between the CEO and the VP Sales, nested in Executive.
    let vp = find(chart, "VP Sales");
    let sales = chart.parent(vp).expect("a unit above");
    assert_eq!(
        chart.node(sales).map(|n| (n.kind, n.title.as_str())),
        Some((NodeKind::Unit, "Sales"))
    );
    assert_eq!(chart.parent(sales), Some(find(chart, "CEO")));
    assert_eq!(unit(chart, sales).as_deref(), Some("Executive"));
    assert_eq!(
        unit(chart, bob).as_deref(),
        Some("Sales"),
        "Bob stays in Sales: no second card"
    );
}

#[test]
fn bamboohr_names_managers_last_first() {
    let text = "Employee #,First Name,Last Name,Job Title,Department,Reports To\n\
        1,Evan,Miller,CEO,Management,\n\
        2,Edward,Morrison,Brand Manager,Marketing,\"Miller, Evan\"\n\
        3,Ron,Reyes,Designer,Marketing,\"Morrison, Edward\"\n";
    let table =
        read_table(text.as_bytes(), "bamboo.csv", None, &ReadOptions::default()).expect("reads");
    assert_eq!(Mapping::guess(&table).manager_key, ManagerKey::LastFirst);
    let import = import(text.as_bytes(), "bamboo.csv");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    let designer = find(chart, "Designer");
    assert_eq!(manager(chart, designer).as_deref(), Some("Brand Manager"));
    assert_eq!(
        chart
            .node(designer)
            .and_then(|n| n.holder.clone())
            .as_deref(),
        Some("Ron Reyes")
    );
    assert_eq!(
        chart
            .node(designer)
            .and_then(|n| n.reference.clone())
            .as_deref(),
        Some("3")
    );
}

#[test]
fn successfactors_two_header_rows_no_mgr_and_leading_zeros() {
    let text = "USERID,MANAGER,FIRSTNAME,LASTNAME,TITLE,DEPARTMENT,STATUS\n\
        User ID,Manager,First Name,Last Name,Title,Department,Status\n\
        00100,NO_MGR,Carla,Grant,Chief Executive Officer,Board,active\n\
        00200,00100,Tom,Lee,CFO,Finance,active\n\
        00300,00200, Ann ,Wu,Accountant,Finance,active\n\
        00400,00200,Old,Timer,Clerk,Finance,inactive\n";
    let import = import(text.as_bytes(), "sf.csv");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.posts, 3);
    assert_eq!(
        import.left_out, 1,
        "the inactive row is left out and counted"
    );
    let chart = &import.chart;
    let accountant = find(chart, "Accountant");
    let node = chart.node(accountant).expect("node");
    assert_eq!(
        node.reference.as_deref(),
        Some("00300"),
        "ids keep their zeros"
    );
    assert_eq!(node.holder.as_deref(), Some("Ann Wu"), "names are trimmed");
    assert_eq!(manager(chart, accountant).as_deref(), Some("CFO"));
    assert_eq!(import.top_posts, 1);
}

#[test]
fn id_and_parent_id_with_zero_as_no_parent() {
    let text =
        "id,parentId,name,title\n1,0,Ada,Director\n2,1,Ben,Lead\n3,2,Cy,Engineer\n4,2,,Engineer\n";
    let import = import(text.as_bytes(), "tree.csv");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    assert_eq!((import.posts, import.top_posts, import.depth), (4, 1, 3));
    // Plain whole-number ids are kept as the chart's ids.
    assert_eq!(
        chart.node(NodeId(3)).map(|n| n.title.as_str()),
        Some("Engineer")
    );
    assert_eq!(
        chart.node(NodeId(4)).map(|n| n.holder.is_none()),
        Some(true),
        "an empty name is vacant"
    );
}

#[test]
fn drawio_csv_with_settings_lines() {
    let text = "## Hello World\n\
        # label: %name%<br><i style=\"color:gray;\">%position%</i>\n\
        # connect: {\"from\": \"manager\", \"to\": \"name\", \"invert\": true}\n\
        # width: auto\n\
        ## CSV starts under this line\n\
        name,position,id,location,manager,email\n\
        Evan Miller,CFO,emi,Office 1,,me@example.com\n\
        Edward Morrison,Brand Manager,emo,Office 2,Evan Miller,me@example.com\n\
        Ron Donovan,System Admin,rdo,Office 3,Evan Miller,me@example.com\n";
    let import = import(text.as_bytes(), "drawio.csv");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    assert_eq!(import.posts, 3);
    assert_eq!(
        manager(chart, find(chart, "System Admin")).as_deref(),
        Some("CFO")
    );
}

#[test]
fn a_gbk_roster_with_assistant_posts() {
    let text = "员工花名册\n\n工号,姓名,职位,所属部门,直属上级工号,岗位类型\n\
        001,张伟,营销总监,营销部,,\n\
        002,李娜,大区销售经理,销售部,001,\n\
        003,王芳,销售内勤,销售部,002,助理\n\
        004,,销售主管,销售部,002,\n";
    let bytes = encoding_rs::GBK.encode(text).0;
    let table = read_table(&bytes, "roster.csv", None, &ReadOptions::default()).expect("reads");
    assert_eq!(table.encoding, Some(organigram::format::hr::Encoding::Gbk));
    let import = import(&bytes, "roster.csv");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    let assistant = find(chart, "销售内勤");
    assert_eq!(
        chart.node(assistant).map(|n| n.kind),
        Some(NodeKind::Assistant)
    );
    assert_eq!(chart.parent(assistant), Some(find(chart, "大区销售经理")));
    assert_eq!(
        unit(chart, find(chart, "销售主管")).as_deref(),
        Some("销售部")
    );
    assert_eq!(
        chart
            .node(find(chart, "销售主管"))
            .and_then(|n| n.holder.clone()),
        None
    );
    assert_eq!(
        chart.node(NodeId(1)).map(|n| n.kind),
        Some(NodeKind::Position)
    );
    assert_eq!(
        chart
            .node(find(chart, "营销总监"))
            .and_then(|n| n.reference.clone())
            .as_deref(),
        Some("001")
    );
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    let text =
        "Employee ID\tName\tJob Title\tManager ID\r\n1\t周杰\t总经理\t\r\n2\tMaría\tCFO\t1\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let import = import(&bytes, "unicode.txt");
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    assert_eq!(
        manager(chart, find(chart, "CFO")).as_deref(),
        Some("总经理")
    );
    assert_eq!(
        chart
            .node(find(chart, "CFO"))
            .and_then(|n| n.holder.clone())
            .as_deref(),
        Some("María")
    );
}

/// An .xlsx with a title row and a blank row above the header, ids as numbers, and
/// managers by name.
fn xlsx_fixture() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Staff").expect("name");
    let rows: [&[&str]; 5] = [
        &[
            "Name",
            "Position",
            "Reports To",
            "Department",
            "Employee ID",
        ],
        &["Grace Hopper", "Chief Executive", "", "Board", "1001"],
        &[
            "Alan Turing",
            "Head of Research",
            "Grace Hopper",
            "Research",
            "1002",
        ],
        &["Ada Lovelace", "Analyst", "Alan Turing", "Research", "1003"],
        &["Ada Lovelace", "Analyst", "Alan Turing", "Research", "1004"],
    ];
    sheet
        .write_string(0, 0, "Staff list, November 2026")
        .expect("title");
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let at = (r as u32 + 2, c as u16);
            match text.parse::<f64>() {
                Ok(number) if c == 4 => sheet.write_number(at.0, at.1, number),
                _ => sheet.write_string(at.0, at.1, *text),
            }
            .expect("write");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn an_xlsx_with_a_title_row_and_managers_by_name() {
    let bytes = xlsx_fixture();
    let table = read_table(&bytes, "staff.xlsx", None, &ReadOptions::default()).expect("reads");
    assert_eq!(table.sheets, vec!["Staff".to_owned()]);
    let mapping = Mapping::guess(&table);
    assert_eq!(
        table.rows[mapping.header].line, 3,
        "the header is on sheet row 3"
    );
    assert_eq!(mapping.manager_key, ManagerKey::Name);
    let import = import(&bytes, "staff.xlsx");
    let chart = &import.chart;
    assert_eq!(import.posts, 4);
    // Excel numbers come in without ".0".
    assert_eq!(
        chart
            .node(find(chart, "Chief Executive"))
            .and_then(|n| n.reference.clone())
            .as_deref(),
        Some("1001")
    );
    assert_eq!(
        manager(chart, find(chart, "Head of Research")).as_deref(),
        Some("Chief Executive")
    );
    // Two Ada Lovelaces: told, both come in.
    assert!(
        import.problems.is_empty(),
        "no manager is named Ada: {:?}",
        import.problems
    );
    let adas = chart
        .tree_order()
        .filter(|&id| chart.node(id).is_some_and(|n| n.title == "Analyst"))
        .count();
    assert_eq!(adas, 2);
}

#[test]
fn every_problem_is_told_with_its_line_and_every_row_comes_in() {
    let text = "id,manager,name,title\n\
        1,,Ann,Chief\n\
        2,1,Bo,Lead\n\
        3,9,Cy,Orphan\n\
        4,5,Di,Loop A\n\
        5,4,Ed,Loop B\n\
        2,1,Fay,Second Two\n\
        7,1,Gus,\n";
    let bad = import(text.as_bytes(), "bad.csv");
    assert_eq!(bad.posts, 7, "every row comes in");
    let told: Vec<(usize, String)> = bad
        .problems
        .iter()
        .map(|p| (p.line, p.kind.to_string()))
        .collect();
    let has = |line: usize, part: &str| told.iter().any(|(l, m)| *l == line && m.contains(part));
    assert!(has(4, "“9” is not in the file"), "{told:?}");
    assert!(has(5, "circle (lines 5 → 6)"), "{told:?}");
    assert!(has(7, "id 2 is also on line 3"), "{told:?}");
    assert!(has(8, "no title"), "{told:?}");
    assert_eq!(told.len(), 4, "{told:?}");
    let chart = &bad.chart;
    assert_eq!(
        chart.parent(find(chart, "Loop A")),
        None,
        "the circle is broken at its first row"
    );
    assert_eq!(
        manager(chart, find(chart, "Loop B")).as_deref(),
        Some("Loop A")
    );

    // Managers by name: two people with the same name are told once.
    let named = "name,manager,title\nAnn,,Chief\nBo,Ann,Lead\nBo,Ann,Lead too\nCy,Bo,Worker\n";
    let same = import(named.as_bytes(), "names.csv");
    assert_eq!(same.problems.len(), 1, "{:?}", same.problems);
    assert!(
        matches!(&same.problems[0].kind, ProblemKind::SameName { lines, .. } if lines == &[3, 4])
    );
}

#[test]
fn choices_override_what_is_detected() {
    let text = "Staff,Boss,Role,Team\nAnn,,Chief,HQ\nBo,Ann,Lead,HQ\n";
    let choices = ImportChoices {
        columns: vec![
            ("Staff".into(), organigram::format::hr::Meaning::Name),
            ("B".into(), organigram::format::hr::Meaning::Manager),
            ("3".into(), organigram::format::hr::Meaning::Title),
        ],
        manager_key: Some(ManagerKey::Name),
        no_units: true,
        ..ImportChoices::default()
    };
    let import = import_with(text.as_bytes(), "own.csv", &choices);
    assert_eq!(import.units, 0);
    assert_eq!(
        manager(&import.chart, find(&import.chart, "Lead")).as_deref(),
        Some("Chief")
    );
}

#[test]
fn broken_files_get_a_clear_error_never_a_panic() {
    let error = |bytes: &[u8], name: &str| {
        read_table(
            bytes,
            name,
            FileKind::from_path(std::path::Path::new(name)),
            &ReadOptions::default(),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
    };
    assert!(error(b"", "empty.csv").contains("empty"));
    assert!(error(b"  \n \n", "blank.csv").contains("empty"));
    let unterminated = error(b"id,name\n1,\"Ann\n2,Bo\n", "quote.csv");
    assert!(
        unterminated.starts_with("quote.csv:2: ") && unterminated.contains("never closed"),
        "{unterminated}"
    );
    let wide = "x,".repeat(1_000_000);
    assert!(error(wide.as_bytes(), "wide.csv").contains("columns"));
    let fake = b"PK\x03\x04 this is not really a zip";
    assert!(error(fake, "fake.xlsx").contains("fake.xlsx: "));
    // Random bytes read as text of some encoding: a table, or a clear error.
    let mut state = 7u64;
    let noise: Vec<u8> = (0..50_000)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect();
    let table = read_table(&noise, "noise.csv", None, &ReadOptions::default());
    if let Ok(table) = table {
        let mapping = Mapping::guess(&table);
        let _ = build(&table, &mapping, "noise");
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(1 << 30).expect("a sparse 1 GB file");
    match read_table_file(&path, &ReadOptions::default()) {
        Err(ImportError::TooLarge { bytes, .. }) => assert_eq!(bytes, 1 << 30),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_zip_bomb_workbook_is_refused_without_unpacking_it() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("xl/worksheets/sheet1.xml", options)
        .expect("entry");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..600 {
        zip.write_all(&zeros).expect("write");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    assert!(
        bytes.len() < 10 << 20,
        "{} bytes on disk unpack to 600 MiB",
        bytes.len()
    );
    match read_table(
        &bytes,
        "bomb.xlsx",
        Some(FileKind::Xlsx),
        &ReadOptions::default(),
    ) {
        Err(ImportError::TooLarge { bytes, .. }) => assert_eq!(bytes, 600 << 20),
        other => panic!("{other:?}"),
    }
}

use crate::common;

use organigram::model::{Edit, Field};
use proptest::prelude::*;

/// `chart` with its texts as the editor keeps them: titles, holders and notes trimmed, a
/// holder either named or vacant, duties one line each; and an HR reference on some posts.
fn as_edited(mut chart: Chart) -> Chart {
    let ids: Vec<NodeId> = chart.tree_order().collect();
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for id in ids {
        let node = chart.node(id).cloned().expect("node");
        let holder = node
            .holder
            .as_deref()
            .map(one_line)
            .filter(|h| !h.is_empty());
        let duties: Vec<String> = node
            .duties
            .iter()
            .map(|d| one_line(d))
            .filter(|d| !d.is_empty())
            .collect();
        let reference = (id.0 % 3 == 0).then(|| format!("{:05}", id.0));
        for field in [
            Field::Title(one_line(&node.title)),
            Field::Holder(holder),
            Field::Duties(duties),
            Field::Notes(node.notes.trim().to_owned()),
            Field::Reference(reference),
        ] {
            assert!(chart.apply(Edit::SetField { id, field }).is_ok());
        }
    }
    chart
}

/// What a table keeps of a chart: the tree (ids, order), kinds, titles, holders,
/// headcounts, duties, dotted lines, references and notes.
fn table_view(chart: &Chart) -> Vec<String> {
    chart
        .tree_order()
        .map(|id| {
            let n = chart.node(id).expect("node");
            format!(
                "{id} under {:?} at {:?}: {:?} {:?} {:?} ×{} {:?} dotted {:?} ref {:?} notes {:?}",
                chart.parent(id),
                chart.index_in_parent(id),
                n.kind,
                n.title,
                n.holder,
                n.headcount,
                n.duties,
                n.dotted,
                n.reference,
                n.notes
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Export to CSV, import it back: the same chart. The same through .xlsx.
    #[test]
    fn csv_and_xlsx_exports_import_back_to_the_same_chart(recipes in prop::collection::vec(common::node_recipe(), 1..40)) {
        let chart = as_edited(common::build_chart(&recipes));
        let expected = table_view(&chart);
        for (format, name) in [
            (organigram::export::ExportFormat::Csv, "chart.csv"),
            (organigram::export::ExportFormat::Xlsx, "chart.xlsx"),
        ] {
            let bytes = organigram::export::export_bytes(&chart, format, &Default::default())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = import(&bytes, name);
            prop_assert_eq!(&table_view(&back.chart), &expected, "through {}", name);
        }
    }
}
