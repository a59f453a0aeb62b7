//! The `organigram` binary, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn organigram(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_organigram"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn sample(name: &str) -> String {
    format!("{}/samples/{name}.ron", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn validate_accepts_every_sample() {
    let files: Vec<String> = [
        "seed-marketing-zh",
        "seed-marketing-en",
        "midsize-northwind",
    ]
    .map(sample)
    .into();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let output = organigram(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).matches(": valid").count(), 3);
    assert!(organigram(&["validate", "sample:seed-marketing-zh"])
        .status
        .success());
}

#[test]
fn validate_reports_every_problem_with_file_line_and_column() {
    let dir = temp_dir();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n  format: (1, 0),\n  roots: [1],\n  nodes: [\n    (id: 1, kind: Unit, reports: [2, 7]),\n    (id: 2, kind: Assistant, title: \"Aide\"),\n  ],\n)\n",
    )
    .unwrap();
    let syntax = dir.path().join("syntax.ron");
    std::fs::write(&syntax, "(format: (1, 0), nodes: [(id: 1 kind: Unit)])").unwrap();
    let output = organigram(&[
        "validate",
        &sample("seed-marketing-zh"),
        path_str(&bad),
        path_str(&syntax),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let bad_name = bad.display().to_string();
    assert!(
        err.contains(&format!("{bad_name}:5:6: ")) && err.contains("id 7"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{bad_name}:6:6: ")) && err.contains("assistant"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:1:", syntax.display())), "{err}");
    assert!(stdout(&output).contains("seed-marketing-zh.ron: valid"));

    // A NUL inside a title is damage, not text: reported at its node's line and column.
    let damaged = dir.path().join("damaged.ron");
    std::fs::write(
        &damaged,
        "(\n  format: (1, 1),\n  roots: [1],\n  nodes: [\n    (id: 1, kind: Position, title: \"销售\\u{0}主管\"),\n  ],\n)\n",
    )
    .unwrap();
    let output = organigram(&["validate", path_str(&damaged)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("{}:5:6: ", damaged.display()))
            && err.contains("control character (U+0000) in its title"),
        "{err}"
    );

    let missing = organigram(&["validate", "/no/such/file.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("/no/such/file.ron: cannot read"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn stats_gives_the_seed_figures() {
    let output = organigram(&["stats", &sample("seed-marketing-zh")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "Units:            5",
        "Positions:        8",
        "Assistants:       2",
        "Total headcount:  10",
        "Vacancies:        10",
        "Layers:           4",
        "Widest span:      3 (“营销总监” (#2))",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let json = organigram(&["stats", "--json", &sample("midsize-northwind")]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        value["positions"].as_u64().unwrap() + value["assistants"].as_u64().unwrap(),
        285
    );
    assert!(value["dotted_lines"].as_u64().unwrap() >= 8);
}

#[test]
fn export_json_has_every_seed_duty_on_the_right_post_and_marks_assistants() {
    let dir = temp_dir();
    let out = dir.path().join("seed.json");
    let output = organigram(&["export", &sample("seed-marketing-zh"), "-o", path_str(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let nodes = value["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 15);
    let by_id = |id: &serde_json::Value| nodes.iter().find(|n| &n["id"] == id).unwrap();
    let mut duties = 0;
    let mut seen_ids = Vec::new();
    for node in nodes {
        // Tree order: a parent comes before its children.
        if !node["parent"].is_null() {
            assert!(seen_ids.contains(&node["parent"]), "{node}");
        }
        seen_ids.push(node["id"].clone());
        for key in ["x", "y", "width", "height"] {
            assert!(node[key].is_number(), "{key} in {node}");
        }
        if node["kind"] != "unit" {
            duties += node["duties"].as_array().unwrap().len();
        }
        if node["title"] == "销售内勤" {
            assert_eq!(node["kind"], "assistant");
            let manager = by_id(&node["parent"]);
            assert!(manager["title"] == "大区销售经理" || manager["title"] == "工程销售经理");
            assert!(node["x"].as_f64().unwrap() > manager["x"].as_f64().unwrap());
        }
        if node["title"] == "大区销售经理" {
            assert_eq!(node["duties"].as_array().unwrap().len(), 17);
            assert_eq!(by_id(&node["unit"])["title"], "销售部");
            assert_eq!(
                node["duties"][0],
                "据公司营销战略和总体规划,在负责区域内建立并完善渠道销售网络"
            );
        }
        if node["title"] == "工程销售经理" {
            assert_eq!(node["duties"].as_array().unwrap().len(), 16);
            assert_eq!(by_id(&node["unit"])["title"], "工程示范中心");
        }
    }
    assert_eq!(duties, 75);
}

/// The JSON's connectors: a solid or assistant line to every card below another, the
/// mid-size sample's 14 dotted lines as stubs naming their managers (its dotted-line
/// managers are all more than a slide's width away), every line orthogonal, in the
/// cards' chart units, and clear of every card but its own two.
#[test]
fn export_json_has_the_connectors_as_drawn() {
    let dir = temp_dir();
    let out = dir.path().join("mid.json");
    let output = organigram(&["export", &sample("midsize-northwind"), "-o", path_str(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let nodes = value["nodes"].as_array().unwrap();
    let connectors = value["connectors"].as_array().unwrap();
    let boxes: Vec<(u64, [f64; 4])> = nodes
        .iter()
        .map(|n| {
            let at = |key: &str| n[key].as_f64().unwrap();
            (
                n["id"].as_u64().unwrap(),
                [at("x"), at("y"), at("width"), at("height")],
            )
        })
        .collect();
    let kind_of =
        |id: u64| nodes.iter().find(|n| n["id"].as_u64() == Some(id)).unwrap()["kind"].clone();
    let below = nodes.iter().filter(|n| !n["parent"].is_null()).count();
    let solid = connectors.iter().filter(|c| c["kind"] != "dotted").count();
    assert_eq!(solid, below);
    let mut stubs = 0;
    for line in connectors {
        let (from, to) = (line["from"].as_u64().unwrap(), line["to"].as_u64().unwrap());
        match line["kind"].as_str().unwrap() {
            "assistant" => assert_eq!(kind_of(to), "assistant"),
            "solid" => assert_ne!(kind_of(to), "assistant"),
            "dotted" => {
                let label = line["label"].as_str().unwrap();
                let manager = nodes
                    .iter()
                    .find(|n| n["id"].as_u64() == Some(from))
                    .unwrap();
                assert_eq!(label, format!("··· {}", manager["title"].as_str().unwrap()));
                let label_box: Vec<f64> = line["label_box"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                let [lx, ly, lw, lh] = label_box[..] else {
                    panic!("{line}");
                };
                for (id, [x, y, w, h]) in &boxes {
                    let covers = lx < x + w && *x < lx + lw && ly < y + h && *y < ly + lh;
                    assert!(!covers, "the label of {line} covers node {id}");
                }
                stubs += 1;
            }
            other => panic!("kind {other}"),
        }
        let points: Vec<[f64; 2]> = line["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
            .collect();
        assert!(points.len() >= 2, "{line}");
        for pair in points.windows(2) {
            let [a, b] = [pair[0], pair[1]];
            assert!(a[0] == b[0] || a[1] == b[1], "slanted: {line}");
            for (id, [x, y, w, h]) in &boxes {
                let inside = a[0].min(b[0]) < x + w - 0.01
                    && a[0].max(b[0]) > x + 0.01
                    && a[1].min(b[1]) < y + h - 0.01
                    && a[1].max(b[1]) > y + 0.01;
                assert!(!inside, "{line} runs through node {id}");
            }
        }
    }
    assert_eq!(stubs, 14);
}

#[test]
fn export_refuses_an_unknown_format() {
    let dir = temp_dir();
    let out = dir.path().join("chart.xyz");
    let output = organigram(&["export", &sample("seed-marketing-en"), "-o", path_str(&out)]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--format"), "{}", stderr(&output));
    assert!(!out.exists());
    let forced = organigram(&[
        "export",
        &sample("seed-marketing-en"),
        "-o",
        path_str(&out),
        "--format",
        "json",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&out).unwrap()).is_ok());
}

#[test]
fn generate_is_deterministic_and_valid() {
    let dir = temp_dir();
    let paths: Vec<PathBuf> = ["a.ron", "b.ron", "c.ron"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    for (path, seed) in paths.iter().zip(["7", "7", "8"]) {
        let output = organigram(&[
            "generate",
            "--positions",
            "3000",
            "--seed",
            seed,
            "-o",
            path_str(path),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let [a, b, c] = [&paths[0], &paths[1], &paths[2]].map(|p| std::fs::read(p).unwrap());
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert!(organigram(&["validate", path_str(&paths[0])])
        .status
        .success());
    let stats: serde_json::Value =
        serde_json::from_slice(&organigram(&["stats", "--json", path_str(&paths[0])]).stdout)
            .unwrap();
    assert_eq!(
        stats["positions"].as_u64().unwrap() + stats["assistants"].as_u64().unwrap(),
        3000
    );
    assert!(stats["widest_span"].as_u64().unwrap() <= 12);
}

#[test]
fn the_editor_without_a_display_fails_with_a_clear_message() {
    let output = Command::new(env!("CARGO_BIN_EXE_organigram"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", std::env::temp_dir())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("the editor could not start"),
        "{}",
        stderr(&output)
    );
}

/// A million positions, and a million-deep chain: generate, validate, export.
#[test]
fn million_node_charts_generate_validate_and_export() {
    let dir = temp_dir();
    for shape in ["organisation", "chain"] {
        let chart = dir.path().join(format!("{shape}.ron"));
        let json = dir.path().join(format!("{shape}.json"));
        let run = |args: &[&str]| {
            let output = organigram(args);
            assert!(output.status.success(), "{args:?}: {}", stderr(&output));
            output
        };
        run(&[
            "generate",
            "--positions",
            "1000000",
            "--shape",
            shape,
            "-o",
            path_str(&chart),
        ]);
        assert!(stdout(&run(&["validate", path_str(&chart)])).contains("valid"));
        run(&["export", path_str(&chart), "-o", path_str(&json)]);
        let size = std::fs::metadata(&json).unwrap().len();
        assert!(size > 100_000_000, "{shape}: json is only {size} bytes");
        // Cheap shape checks without parsing 300 MB: it is one JSON object of nodes.
        let text = std::fs::read(&json).unwrap();
        assert!(text.starts_with(b"{\"nodes\":[{\"id\":"));
        assert!(text.ends_with(b"]}\n"));
        let _ = std::fs::remove_file(&json);
        let _ = std::fs::remove_file(&chart);
    }
}

#[test]
fn import_reads_a_roster_prints_a_summary_and_every_problem() {
    let dir = temp_dir();
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "员工名单\n工号,姓名,职位,部门,直属上级工号,状态\n001,张伟,总经理,总部,,在职\n002,李娜,销售经理,销售部,001,在职\n003,王芳,销售代表,销售部,009,在职\n004,赵强,顾问,销售部,002,离职\n",
    )
    .unwrap();
    let out = dir.path().join("roster.ron");
    let output = organigram(&["import", path_str(&roster), "-o", path_str(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).lines().next(),
        Some("3 posts · 2 top posts · depth 2 · 3 units · 1 problem")
    );
    assert!(
        stdout(&output).contains("1 row left out"),
        "{}",
        stdout(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "{}:5: the manager “009” is not in the file",
            roster.display()
        )),
        "{err}"
    );
    let chart = organigram::format::load_file(&out).expect("a chart was written");
    assert_eq!(chart.len(), 6);

    let strict_out = dir.path().join("strict.ron");
    let strict = organigram(&[
        "import",
        path_str(&roster),
        "-o",
        path_str(&strict_out),
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        !strict_out.exists(),
        "--strict writes nothing when there are problems"
    );

    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "id,name\n1,\"Ann\n").unwrap();
    let failed = organigram(&["import", path_str(&broken), "-o", path_str(&strict_out)]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains(&format!("{}:2: a quoted field", broken.display())),
        "{}",
        stderr(&failed)
    );
}

#[test]
fn export_to_csv_and_xlsx_then_import_gives_the_same_figures() {
    let dir = temp_dir();
    for extension in ["csv", "xlsx"] {
        let table = dir.path().join(format!("seed.{extension}"));
        let back = dir.path().join(format!("back-{extension}.ron"));
        let output = organigram(&[
            "export",
            &sample("seed-marketing-zh"),
            "-o",
            path_str(&table),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let output = organigram(&["import", path_str(&table), "-o", path_str(&back)]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stdout(&output).trim(),
            "10 posts · 1 top post · depth 4 · 5 units · 0 problems"
        );
        let stats = |file: &str| stdout(&organigram(&["stats", file, "--json"]));
        // The table has no column for the chart's title and organisation.
        let figures = |json: String| {
            json.lines()
                .filter(|l| !l.contains("\"title\"") && !l.contains("\"organisation\""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            figures(stats(path_str(&back))),
            figures(stats(&sample("seed-marketing-zh")))
        );
    }
    let csv = std::fs::read(dir.path().join("seed.csv")).unwrap();
    assert!(csv.starts_with(
        b"\xEF\xBB\xBFid,ref,kind,title,holder,manager,unit,headcount,dotted,duties,notes"
    ));
}

/// The seed as a chart file in `dir`, and a copy with 大区销售经理 given a holder and a
/// new 销售工程师 under 销售主管.
fn seed_and_edited(dir: &Path) -> (PathBuf, PathBuf) {
    let old = dir.join("as-is.ron");
    std::fs::copy(sample("seed-marketing-zh"), &old).expect("copy the seed");
    let text = std::fs::read_to_string(&old).expect("read");
    // The first vacant 大区销售经理 gets a holder.
    let edited = text.replacen(
        "title: \"大区销售经理\",\n            holder: None,",
        "title: \"大区销售经理\",\n            holder: Some(\"王芳\"),",
        1,
    );
    assert_ne!(edited, text, "the seed has a 大区销售经理");
    let new = dir.join("to-be.ron");
    std::fs::write(&new, edited).expect("write");
    (old, new)
}

#[test]
fn diff_prints_the_changes_and_writes_json_a_table_and_a_marked_chart() {
    let dir = temp_dir();
    let (old, new) = seed_and_edited(dir.path());
    let output = organigram(&["diff", path_str(&old), path_str(&new)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("1 changed (matched by id)"), "{text}");
    assert!(text.contains("holder vacant → 王芳"), "{text}");
    assert!(text.contains("vacancies"), "{text}");

    let output = organigram(&["diff", path_str(&old), path_str(&new), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["changes"][0]["field"], "holder");
    assert_eq!(json["changes"][0]["new"], "王芳");
    assert_eq!(json["summary"]["vacancies"]["delta"], -1);

    let csv = dir.path().join("changes.csv");
    let output = organigram(&["diff", path_str(&old), path_str(&new), "-o", path_str(&csv)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        table.starts_with("\u{feff}change,id,title,holder,from,to,field,old,new"),
        "{table}"
    );
    assert!(
        table.contains("changed,4,大区销售经理,王芳,,,holder,vacant,王芳"),
        "{table}"
    );

    let svg = dir.path().join("marked.svg");
    let output = organigram(&["diff", path_str(&old), path_str(&new), "-o", path_str(&svg)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let drawing = std::fs::read_to_string(&svg).expect("svg");
    // The drawing's own words are in the chart's language (Chinese here).
    assert!(drawing.contains(">变更：任职者<"), "the card is tagged");
    assert!(
        drawing.contains(">对比基准：as-is.ron<"),
        "the legend names the base"
    );

    let json_out = dir.path().join("changes.json");
    let output = organigram(&[
        "diff",
        path_str(&old),
        path_str(&new),
        "-o",
        path_str(&json_out),
    ]);
    assert!(!output.status.success(), "JSON goes to stdout with --json");
    assert!(
        stderr(&output).contains(".csv or .xlsx"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn update_brings_a_chart_up_to_date_with_an_hr_file_and_dry_run_writes_nothing() {
    let dir = temp_dir();
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "工号,姓名,职位,直属上级工号\n0001,周明,营销总监,\n0002,李娜,销售经理,0001\n0003,张伟,销售主管,0002\n",
    )
    .expect("roster");
    let chart = dir.path().join("chart.ron");
    let output = organigram(&["import", path_str(&roster), "-o", path_str(&chart)]);
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::write(
        &roster,
        "工号,姓名,职位,直属上级工号\n0001,周明,营销总监,\n0002,王芳,销售经理,0001\n0004,赵敏,销售内勤,0002\n",
    )
    .expect("next month");
    let updated = dir.path().join("updated.ron");
    let output = organigram(&[
        "update",
        path_str(&chart),
        "--from",
        path_str(&roster),
        "-o",
        path_str(&updated),
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!updated.exists(), "--dry-run writes nothing");
    let text = stdout(&output);
    assert!(
        text.contains("1 added · 1 removed · 0 moved · 1 changed (matched by ref)"),
        "{text}"
    );
    assert!(text.contains("holder 李娜 → 王芳"), "{text}");

    let output = organigram(&[
        "update",
        path_str(&chart),
        "--from",
        path_str(&roster),
        "-o",
        path_str(&updated),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = organigram(&["diff", path_str(&updated), path_str(&roster)]);
    assert!(
        stdout(&output).contains("0 added · 0 removed · 0 moved · 0 changed"),
        "{}",
        stdout(&output)
    );
    let output = organigram(&[
        "update",
        path_str(&chart),
        "--from",
        path_str(&chart),
        "-o",
        path_str(&updated),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is not an HR file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn report_prints_writes_json_and_a_workbook() {
    let output = organigram(&["report", "sample:seed-marketing-zh"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("5 managers · 4 layers"), "{text}");
    assert!(text.contains("13 groups of shared duties"), "{text}");

    let output = organigram(&["report", "sample:seed-marketing-zh", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["spans"]["bands"]["1"], 4);
    assert_eq!(json["summary"]["layers"], 4);
    assert_eq!(json["duty_overlap"][0]["similarity"], 1.0);

    let dir = temp_dir();
    let book = dir.path().join("report.xlsx");
    let output = organigram(&["report", "sample:seed-marketing-zh", "-o", path_str(&book)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read(&book).expect("written").starts_with(b"PK"));

    let output = organigram(&["report", "sample:seed-marketing-zh", "--threshold", "1.5"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--threshold"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_colours_posts_by_span_band_with_a_legend() {
    let dir = temp_dir();
    // The legend is in the chart's language.
    for (sample, caption, narrow) in [
        (
            "sample:seed-marketing-en",
            ">coloured by span of control<",
            ">1 (narrow) · 4<",
        ),
        (
            "sample:seed-marketing-zh",
            ">按管理幅度着色<",
            ">1（过窄） · 4<",
        ),
    ] {
        let svg = dir.path().join("spans.svg");
        let output = organigram(&[
            "export",
            sample,
            "-o",
            path_str(&svg),
            "--colour-by",
            "span",
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let drawing = std::fs::read_to_string(&svg).expect("svg");
        assert!(drawing.contains(caption), "the legend of {sample}");
        assert!(drawing.contains(narrow), "{sample}");
        assert!(
            drawing.contains("#e15759"),
            "narrow managers in the band colour"
        );
    }
}

#[test]
fn export_fit_shapes_a_wide_chart_and_refuses_a_shape_it_cannot_read() {
    let dir = temp_dir();
    let ratio_of = |out: &Path| {
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out).expect("json")).expect("valid json");
        let nodes = value["nodes"].as_array().expect("nodes");
        let number = |node: &serde_json::Value, key: &str| node[key].as_f64().expect(key);
        let left = nodes
            .iter()
            .map(|n| number(n, "x"))
            .fold(f64::INFINITY, f64::min);
        let top = nodes
            .iter()
            .map(|n| number(n, "y"))
            .fold(f64::INFINITY, f64::min);
        let right = nodes
            .iter()
            .map(|n| number(n, "x") + number(n, "width"))
            .fold(f64::NEG_INFINITY, f64::max);
        let bottom = nodes
            .iter()
            .map(|n| number(n, "y") + number(n, "height"))
            .fold(f64::NEG_INFINITY, f64::max);
        (right - left) / (bottom - top)
    };
    let plain = dir.path().join("plain.json");
    let output = organigram(&["export", "sample:midsize-northwind", "-o", path_str(&plain)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(ratio_of(&plain) > 8.0, "the sample is wide as it comes");
    for shape in ["16:9", "4:3", "a4", "A3"] {
        let out = dir.path().join("fitted.json");
        let output = organigram(&[
            "export",
            "sample:midsize-northwind",
            "-o",
            path_str(&out),
            "--fit",
            shape,
        ]);
        assert!(output.status.success(), "{shape}: {}", stderr(&output));
        let ratio = ratio_of(&out);
        assert!((1.1..=2.6).contains(&ratio), "{shape} gave {ratio}");
    }
    let svg = dir.path().join("fitted.svg");
    let output = organigram(&[
        "export",
        "sample:seed-marketing-en",
        "-o",
        path_str(&svg),
        "--fit",
        "16:9",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bad = organigram(&[
        "export",
        "sample:seed-marketing-en",
        "-o",
        path_str(&svg),
        "--fit",
        "wide",
    ]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("16:9"), "{}", stderr(&bad));
}
