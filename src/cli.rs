//! The command line: `quietread clean`, `quietread plan`.

use quietread::{html, plan, Plan, Settings, Snapshot};
use std::process::ExitCode;

const USAGE: &str = "usage:
  quietread clean PAGE.html [--json]   decide what to hide on a saved page
  quietread plan SNAPSHOT.json         plan a snapshot taken by the extension (JSON out)
  quietread --version";

/// Run the command line with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quietread: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or(USAGE)?;
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| !a.starts_with("--")).collect();
    match cmd.as_str() {
        "--version" | "-V" => Ok(format!("quietread {}", env!("CARGO_PKG_VERSION"))),
        "--help" | "-h" => Ok(USAGE.to_string()),
        "clean" => {
            let [path] = files[..] else {
                return Err(format!("clean takes one page\n{USAGE}"));
            };
            let snap = html::snapshot(&read(path)?);
            let plan = plan(&snap, &Settings::default());
            if json {
                serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())
            } else {
                Ok(describe(&snap, &plan))
            }
        }
        "plan" => {
            let [path] = files[..] else {
                return Err(format!("plan takes one snapshot\n{USAGE}"));
            };
            let snap: Snapshot = serde_json::from_str(&read(path)?)
                .map_err(|e| format!("{path}: not a snapshot: {e}"))?;
            serde_json::to_string_pretty(&plan(&snap, &Settings::default()))
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
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
        let mut sel = n.tag.clone();
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
