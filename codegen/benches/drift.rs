//! Drift check speed: the largest real listing (2021-01-30) against a spec imported from another
//! capture (2026-07-09), and the same replicated 10x and 100x (renamed interface copies) to show
//! that the check grows linearly. Target: under 10 ms for the real listing.
//!
//! `cargo bench -p steamspec --bench drift -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use steamspec::drift::{self, Date, Listing};
use steamspec::import;
use steamspec::model::Model;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/listings")
        .join(rel)
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).expect("fixture (../shared/fixtures)")
}

/// `n` copies of every interface; copies are renamed (`IFooCopy7`, `IEconItemsCopy7_440`).
fn replicate(l: &Listing, n: usize) -> Listing {
    let mut out = Listing::default();
    for k in 0..n {
        for i in &l.interfaces {
            let mut c = i.clone();
            if k > 0 {
                c.name = match i.name.rsplit_once('_') {
                    Some((head, digits)) if drift::listing::is_game_specific(&i.name) => {
                        format!("{head}Copy{k}_{digits}")
                    }
                    _ => format!("{}Copy{k}", i.name),
                };
            }
            out.interfaces.push(c);
        }
    }
    out
}

fn spec_from(l: &Listing) -> Model {
    let files = import::import(
        l,
        &import::Options {
            listing_name: "bench".into(),
            ..Default::default()
        },
    )
    .expect("import");
    import::load(&files).expect("imported spec loads").model
}

fn opts() -> drift::Options<'static> {
    drift::Options {
        today: Date::new(2026, 7, 10).expect("date"),
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let bytes = read("public/2021-01-30.json");
    let listing = drift::listing::parse(&bytes).expect("parses");
    let spec_listing = drift::listing::parse(&read("public/2026-07-09.json")).expect("parses");
    let model = spec_from(&spec_listing);
    let o = opts();

    let mut g = c.benchmark_group("drift-real");
    g.bench_function("check 2021-01-30 vs spec from 2026-07-09", |b| {
        b.iter(|| drift::check(black_box(&model), black_box(&listing), &o).expect("usable"))
    });
    g.bench_function("parse+check 2021-01-30 vs spec from 2026-07-09", |b| {
        b.iter(|| drift::check_bytes(black_box(&model), black_box(&bytes), &o).expect("usable"))
    });
    g.bench_function("parse 2021-01-30", |b| {
        b.iter(|| drift::listing::parse(black_box(&bytes)).expect("parses"))
    });
    g.finish();

    let mut g = c.benchmark_group("drift-scale");
    for n in [1usize, 10, 100] {
        let l = replicate(&listing, n);
        let m = spec_from(&replicate(&spec_listing, n));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("check", format!("{n}x")), &n, |b, _| {
            b.iter(|| drift::check(black_box(&m), black_box(&l), &o).expect("usable"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
