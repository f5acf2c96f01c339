//! `steamspec generate` cost: load + emit (Rust and schemas) of the project's spec, and of
//! synthetic specs 2x, 5x and 10x larger (each interface file copied with renamed interface
//! and type names), to show the cost per operation stays flat as the spec grows.
//!
//! Run: `cargo bench -p steamspec --bench generate -- --warm-up-time 1 --measurement-time 3`

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use steamspec::generate::outputs;
use steamspec::load::{BUILTIN_PROVIDERS, Source, load_sources, spec_files};

fn project_sources() -> Vec<Source> {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let (_, files) = spec_files(&spec).expect("spec folder");
    files
        .iter()
        .map(|p| Source {
            name: p.display().to_string(),
            text: std::fs::read_to_string(p).expect("read spec"),
        })
        .collect()
}

fn providers() -> Source {
    Source {
        name: "providers.yaml".into(),
        text: BUILTIN_PROVIDERS.into(),
    }
}

/// `copies` renamed copies of every file: interface `X` -> `X3` (`XService` -> `X3Service`, so
/// a Service interface keeps its input_json default), type `T` -> `T3` (response types declared
/// inline in an operation included), method `M` -> `M3` (so the response types named after the
/// method do not collide).
fn scaled(base: &[Source], copies: usize) -> Vec<Source> {
    let model = load_sources(providers(), base.to_vec())
        .expect("spec")
        .model;
    let mut names: Vec<String> = model.types.keys().cloned().collect();
    for op in model.operations() {
        if let steamspec::model::TypeRef::Named(n) = &op.response.ty {
            names.push(n.clone());
        }
        // Response types named after their method (`GetOwnedGamesResponse`) follow the method.
        names.push(op.method.clone());
    }
    names.sort();
    names.dedup();
    names.extend(model.interfaces.keys().cloned());
    // Longest first, so `HubStatus` is renamed before `Hub`.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = Vec::new();
    for i in 0..copies {
        for s in base {
            let mut text = s.text.clone();
            if i > 0 {
                for n in &names {
                    let renamed = match n.strip_suffix("Service") {
                        Some(stem) => format!("{stem}{i}Service"),
                        None => format!("{n}{i}"),
                    };
                    text = rename_word(&text, n, &renamed);
                }
            }
            out.push(Source {
                name: format!("{}#{i}", s.name),
                text,
            });
        }
    }
    out
}

/// Replaces whole-word occurrences of `from` (ASCII identifier boundaries).
fn rename_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + from.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        out.push_str(&rest[..i]);
        out.push_str(if boundary(before) && boundary(after) {
            to
        } else {
            from
        });
        rest = &rest[i + from.len()..];
    }
    out.push_str(rest);
    out
}

fn bench(c: &mut Criterion) {
    let base = project_sources();
    let mut group = c.benchmark_group("generate");
    for copies in [1usize, 2, 5, 10] {
        let files = scaled(&base, copies);
        let ops = load_sources(providers(), files.clone())
            .expect("scaled spec loads")
            .model
            .operations()
            .count() as u64;
        group.throughput(Throughput::Elements(ops));
        group.bench_with_input(BenchmarkId::new("load+emit", ops), &files, |b, files| {
            b.iter(|| {
                let model = load_sources(providers(), files.clone())
                    .expect("spec")
                    .model;
                outputs(&model).len()
            })
        });
    }
    group.finish();

    let model = load_sources(providers(), base.clone()).expect("spec").model;
    c.bench_function("generate/load-only/28", |b| {
        b.iter(|| {
            load_sources(providers(), base.clone())
                .expect("spec")
                .model
                .types
                .len()
        })
    });
    c.bench_function("generate/emit-only/28", |b| {
        b.iter(|| outputs(&model).len())
    });
    // Where emit's time goes: the Rust files (quote, then syn + prettyplease), the JSON
    // Schemas, and syn + prettyplease alone on the emitted Rust (parse and print again).
    c.bench_function("generate/emit-rust-only/28", |b| {
        b.iter(|| steamspec::emit::rust::emit(&model, steamspec::emit::rust::Target::Crate).len())
    });
    c.bench_function("generate/emit-schema-only/28", |b| {
        b.iter(|| steamspec::emit::schema::emit(&model).len())
    });
    let rust: Vec<String> =
        steamspec::emit::rust::emit(&model, steamspec::emit::rust::Target::Crate)
            .into_iter()
            .filter(|f| f.path.ends_with(".rs"))
            .map(|f| f.contents)
            .collect();
    c.bench_function("generate/syn+prettyplease-of-output/28", |b| {
        b.iter(|| {
            rust.iter()
                .map(|text| {
                    prettyplease::unparse(&syn::parse_file(text).expect("emitted Rust parses"))
                        .len()
                })
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
