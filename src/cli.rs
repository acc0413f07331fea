//! The command line: `quietread clean`, `quietread plan`, `quietread eval clutter`.

use quietread::html::Page;
use quietread::{eval, plan, Plan, Settings, Snapshot};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  quietread clean PAGE.html                 one line per element it would hide, with the reason
  quietread clean PAGE.html --json          the plan as JSON
  quietread clean PAGE.html [--mark] -o OUT.html
                                            write the page without the clutter (--mark: with
                                            data-quietread=\"<category>\" on each element instead)
  quietread plan SNAPSHOT                   plan a snapshot, packed or JSON (JSON out)
  quietread quotes ARTICLE.(txt|html)       each quotation with its speaker
  quietread quotes --jsonl IN.jsonl         {\"id\",\"text\"} lines in, {\"id\",\"quotes\"} lines out
  quietread eval clutter DIR... [--labels FILE]
                                            clean every page folder (holding source.html) under
                                            DIR and report hidden elements, keep paragraphs lost,
                                            time, and recall against FILE (default:
                                            eval/clutter-dev.tsv when it exists)
  quietread eval markup DIR...               read every page under DIR as the browser serializes
                                            it and check the nodes and plan match the walk's
  quietread eval quotes FILE.jsonl [--verbose]
                                            score quotes and speakers against gold JSONL
                                            (--verbose: list each miss)
  quietread --version";

/// Run the command line with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            if out.is_empty() {
                return ExitCode::SUCCESS;
            }
            match writeln!(std::io::stdout().lock(), "{out}") {
                Ok(()) => ExitCode::SUCCESS,
                // The reader stopped early (`quietread quotes a.txt | head`): it has what it
                // wanted, and there is no one left to tell.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("quietread: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("quietread: {e}");
            ExitCode::from(2)
        }
    }
}

/// Parsed flags: `--name` switches, `--name VALUE` options and the remaining words.
struct Args<'a> {
    words: Vec<&'a str>,
    switches: Vec<&'a str>,
    options: Vec<(&'a str, &'a str)>,
}

/// Flags that take a value.
const VALUED: &[&str] = &["-o", "--out", "--labels", "--jsonl"];

fn parse(args: &[String]) -> Result<Args<'_>, String> {
    let mut out = Args {
        words: Vec::new(),
        switches: Vec::new(),
        options: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if VALUED.contains(&a.as_str()) {
            let v = it.next().ok_or(format!("{a} needs a value"))?;
            out.options.push((a.as_str(), v.as_str()));
        } else if a.starts_with('-') && a.len() > 1 {
            out.switches.push(a.as_str());
        } else {
            out.words.push(a.as_str());
        }
    }
    Ok(out)
}

impl Args<'_> {
    fn has(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    fn option(&self, names: &[&str]) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| names.contains(n))
            .map(|(_, v)| *v)
    }

    fn only(&self, known: &[&str]) -> Result<(), String> {
        match self.switches.iter().find(|s| !known.contains(s)) {
            Some(s) => Err(format!("unknown flag {s}\n{USAGE}")),
            None => Ok(()),
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or(USAGE)?;
    let a = parse(rest)?;
    match cmd.as_str() {
        "--version" | "-V" => Ok(format!("quietread {}", env!("CARGO_PKG_VERSION"))),
        "--help" | "-h" | "help" => Ok(USAGE.to_string()),
        "clean" => clean(&a),
        "plan" => {
            a.only(&[])?;
            let [path] = a.words[..] else {
                return Err(format!("plan takes one snapshot\n{USAGE}"));
            };
            let text = read(path)?;
            let snap = quietread::packed::read(&text)
                .map_err(|e| format!("{path}: not a snapshot: {e}"))?;
            serde_json::to_string_pretty(&plan(&snap, &Settings::default()))
                .map_err(|e| e.to_string())
        }
        "eval" => match a.words.split_first() {
            Some((&"clutter", dirs)) if !dirs.is_empty() => {
                a.only(&[])?;
                let labels = match a.option(&["--labels"]) {
                    Some(f) => Some(read(f)?),
                    None => std::fs::read_to_string("eval/clutter-dev.tsv").ok(),
                };
                let dirs: Vec<String> = dirs.iter().map(|d| d.to_string()).collect();
                eval::clutter::run(&dirs, labels.as_deref())
            }
            Some((&"markup", dirs)) if !dirs.is_empty() => {
                a.only(&[])?;
                let dirs: Vec<String> = dirs.iter().map(|d| d.to_string()).collect();
                eval::markup::run(&dirs)
            }
            Some((&"quotes", [file])) => {
                a.only(&["--verbose"])?;
                eval::quotes::run(file, &read(file)?, a.has("--verbose"))
            }
            _ => Err(format!(
                "eval clutter takes page folders, eval quotes one file\n{USAGE}"
            )),
        },
        "quotes" => quotes_cmd(&a),
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

fn clean(a: &Args) -> Result<String, String> {
    a.only(&["--json", "--mark"])?;
    let [path] = a.words[..] else {
        return Err(format!("clean takes one page\n{USAGE}"));
    };
    let page = Page::parse(&read(path)?);
    let plan = plan(&page.snapshot, &Settings::default());
    if let Some(out) = a.option(&["-o", "--out"]) {
        let html = if a.has("--mark") {
            page.marked(&plan.hide)
        } else {
            page.cleaned(&plan.hide)
        };
        std::fs::write(out, html).map_err(|e| format!("cannot write {out}: {e}"))?;
        return Ok(String::new());
    }
    if a.has("--mark") {
        return Err(format!("--mark writes a page: give -o OUT.html\n{USAGE}"));
    }
    if a.has("--json") {
        serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())
    } else {
        Ok(describe(&page.snapshot, &plan))
    }
}

fn quotes_cmd(a: &Args) -> Result<String, String> {
    a.only(&[])?;
    if let Some(input) = a.option(&["--jsonl"]) {
        return quotes_jsonl(&read(input)?);
    }
    let [path] = a.words[..] else {
        return Err(format!("quotes takes one article\n{USAGE}"));
    };
    let text = read(path)?;
    let html =
        path.ends_with(".html") || path.ends_with(".htm") || text.trim_start().starts_with('<');
    let mut out = Vec::new();
    if html {
        // The article as the extension sees it: its blocks, its quotes, their speakers.
        let page = Page::parse(&text);
        for l in plan(&page.snapshot, &Settings::default()).quotes {
            out.push(format!("{:<28} {}", l.speaker, l.quote));
        }
    } else {
        let chars: Vec<char> = text.chars().collect();
        for q in quietread::quotes::find_chars(&chars) {
            let quote: String = chars[q.start..q.end].iter().collect();
            out.push(format!(
                "{:<28} {quote}",
                q.speaker.as_deref().unwrap_or("-")
            ));
        }
    }
    Ok(out.join("\n"))
}

/// One `{"id", "text"}` object a line in, one `{"id", "quotes": [...]}` object a line out.
fn quotes_jsonl(input: &str) -> Result<String, String> {
    let mut out = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
        let chars: Vec<char> = text.chars().collect();
        let quotes: Vec<serde_json::Value> = quietread::quotes::find_chars(&chars)
            .into_iter()
            .map(|q| {
                serde_json::json!({
                    "start": q.start,
                    "end": q.end,
                    "quote": chars[q.start..q.end].iter().collect::<String>(),
                    "speaker": q.speaker,
                })
            })
            .collect();
        out.push(serde_json::json!({ "id": v["id"], "quotes": quotes }).to_string());
    }
    Ok(out.join("\n"))
}

fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One line per hidden element: category, a short selector, the reason.
fn describe(snap: &Snapshot, plan: &Plan) -> String {
    let mut out = Vec::new();
    for h in &plan.hide {
        let n = &snap.nodes[h.node];
        let mut sel = n.tag.to_string();
        if !n.id.is_empty() {
            sel.push('#');
            sel.push_str(&n.id);
        }
        for c in n.class.split_whitespace().take(3) {
            sel.push('.');
            sel.push_str(c);
        }
        out.push(format!("{:<9} {:<40} {}", h.category.name(), sel, h.reason));
    }
    if let Some(u) = &plan.unlock {
        out.push(format!(
            "unlock    scrolling                                {}",
            u.reason
        ));
    }
    out.push(format!(
        "{} hidden, {} article paragraphs kept, {} nodes",
        plan.hide.len(),
        plan.paragraphs,
        plan.nodes
    ));
    out.join("\n")
}
