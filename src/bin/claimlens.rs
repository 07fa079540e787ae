//! The native CLI. See `claimlens --help`.
//!
//! `claimlens extract [--lang nl|en|auto] [FILE|-]` prints one JSON document;
//! `claimlens extract --jsonl` answers JSON lines `{"id", "lang", "text"}` one by one (the
//! scorer's contract in shared/corpus/README.md). Offsets are Unicode code points.

/// mimalloc keeps freed memory for the next analysis; see Cargo.toml.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// On wasm32 this bin is never run; Trunk builds `claimlens-widget` instead.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use claimlens::engine::offsets::Unit;
    use claimlens::engine::{self, Lang, wire};
    use clap::{Parser, Subcommand, ValueEnum};
    use serde_json::{Value, json};
    use std::io::{self, BufRead, Read, Write};
    use std::process::ExitCode;

    #[derive(Parser)]
    #[command(
        name = "claimlens",
        version,
        about = "Finds the claims in a news article: quantities and attributed statements."
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Prints the claims of a text as JSON (offsets in Unicode code points).
        Extract {
            /// The text's language; `auto` detects it.
            #[arg(long, value_enum, default_value_t = LangArg::Auto)]
            lang: LangArg,
            /// Read JSON lines {"id", "lang", "text"} on stdin; write one {"id", "lang", "claims"} per line.
            #[arg(long, conflicts_with_all = ["file", "format"])]
            jsonl: bool,
            /// `json`: the claims (the scorer's shape); `webannotation`: W3C Web Annotation
            /// JSON-LD (TextQuoteSelector + TextPositionSelector, code points).
            #[arg(long, value_enum, default_value_t = Format::Json)]
            format: Format,
            /// The text file; `-` or nothing reads stdin.
            file: Option<String>,
        },
    }

    #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
    enum Format {
        Json,
        Webannotation,
    }

    #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
    enum LangArg {
        Nl,
        En,
        Auto,
    }

    impl LangArg {
        fn forced(self) -> Option<Lang> {
            match self {
                LangArg::Nl => Some(Lang::Nl),
                LangArg::En => Some(Lang::En),
                LangArg::Auto => None,
            }
        }
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Extract {
                lang, jsonl: true, ..
            } => extract_jsonl(lang.forced()),
            Command::Extract {
                lang, file, format, ..
            } => extract_one(lang.forced(), file.as_deref(), format),
        }
    }

    fn fail(msg: &str) -> ExitCode {
        eprintln!("claimlens: {msg}");
        ExitCode::from(1)
    }

    fn extract_one(lang: Option<Lang>, file: Option<&str>, format: Format) -> ExitCode {
        let (name, bytes) = match file {
            None | Some("-") => {
                let mut buf = Vec::new();
                match io::stdin().lock().read_to_end(&mut buf) {
                    Ok(_) => ("stdin", buf),
                    Err(e) => return fail(&format!("cannot read stdin: {e}")),
                }
            }
            Some(path) => match std::fs::read(path) {
                Ok(b) => (path, b),
                Err(e) => return fail(&format!("cannot read {path}: {e}")),
            },
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => return fail(&format!("cannot read {name}: not UTF-8 ({e})")),
        };
        let analysis = engine::analyze(&text, lang);
        let out = match format {
            Format::Json => json!(wire::to_wire(&text, &analysis, Unit::CodePoint)),
            Format::Webannotation => {
                // The annotations' target: the file as a URI, or a name for standard input.
                let source = match file {
                    Some(path) if path != "-" => std::fs::canonicalize(path)
                        .map(|p| format!("file://{}", p.display()))
                        .unwrap_or_else(|_| path.to_owned()),
                    _ => "urn:claimlens:stdin".to_owned(),
                };
                json!(claimlens::export::annotations(&text, &analysis, &source))
            }
        };
        let mut stdout = io::stdout().lock();
        let written = serde_json::to_writer_pretty(&mut stdout, &out)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(stdout));
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("cannot write output: {e}")),
        }
    }

    /// One input line, validated: (id, lang, text) or (id if readable, error).
    fn parse_line(line: &str) -> Result<(Value, Option<Lang>, String), (Value, String)> {
        let v: Value =
            serde_json::from_str(line).map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
        let Value::Object(map) = v else {
            return Err((Value::Null, "expected a JSON object".into()));
        };
        let id = map.get("id").cloned().unwrap_or(Value::Null);
        let text = match map.get("text") {
            Some(Value::String(t)) => t.clone(),
            Some(_) => return Err((id, "\"text\" must be a string".into())),
            None => return Err((id, "missing \"text\"".into())),
        };
        let lang = match map.get("lang") {
            None | Some(Value::Null) => None,
            Some(Value::String(code)) => match Lang::from_code(code) {
                Some(l) => Some(l),
                None => {
                    return Err((
                        id,
                        format!("unknown \"lang\" {code:?} (expected nl, en or null)"),
                    ));
                }
            },
            Some(_) => return Err((id, "\"lang\" must be a string or null".into())),
        };
        Ok((id, lang, text))
    }

    fn extract_jsonl(forced: Option<Lang>) -> ExitCode {
        let stdin = io::stdin().lock();
        let mut stdout = io::BufWriter::new(io::stdout().lock());
        let mut failed = false;
        for (n, line) in stdin.split(b'\n').enumerate() {
            let number = n + 1;
            let result = match line {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(s) if s.trim().is_empty() => continue,
                    Ok(s) => parse_line(&s),
                    Err(_) => Err((Value::Null, "not UTF-8".into())),
                },
                Err(e) => return fail(&format!("cannot read stdin: {e}")),
            };
            let out = match result {
                Ok((id, lang, text)) => {
                    let analysis = engine::analyze(&text, forced.or(lang));
                    let w = wire::to_wire(&text, &analysis, Unit::CodePoint);
                    json!({"id": id, "lang": w.lang, "claims": w.claims})
                }
                Err((id, error)) => {
                    failed = true;
                    eprintln!("claimlens: line {number}: {error}");
                    json!({"id": id, "line": number, "error": error})
                }
            };
            // Flush per line: a caller may feed the next input only after reading this answer.
            let written = serde_json::to_writer(&mut stdout, &out)
                .map_err(io::Error::from)
                .and_then(|_| writeln!(stdout))
                .and_then(|_| stdout.flush());
            if let Err(e) = written {
                return fail(&format!("cannot write output: {e}"));
            }
        }
        if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}
