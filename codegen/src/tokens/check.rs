//! The rules `steamspec tokens check` applies to a [`Catalog`].

use std::collections::{BTreeMap, BTreeSet};

use steam_webapi_runtime::tokens::placeholder;

use super::catalog::{Catalog, Def};
use super::languages::{self, ENGLISH};
use crate::diag::Diagnostics;

/// Checks every block and token, pushing each problem with its place.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for block in &catalog.blocks {
        if !languages::is_known(&block.language) {
            diags.error(block.pos.clone(), languages::unknown(&block.language));
        }
    }
    let by_language = catalog.by_language();
    for (language, defs) in &by_language {
        for def in defs {
            check_def(language, def, diags);
        }
        check_duplicates(language, defs, diags);
    }
    if !by_language.contains_key(ENGLISH) {
        if let Some(first) = catalog.blocks.first() {
            let message = "no file has English tokens: English is the fallback every \
                           untranslated string is shown in, so it must define every token";
            diags.error(first.pos.clone(), message);
        }
        return;
    }
    let english = catalog.tokens_of(ENGLISH);
    for language in by_language.keys().filter(|l| **l != ENGLISH) {
        compare_with_english(catalog, language, &english, diags);
    }
}

/// The rules on one definition alone: its name, its text's placeholders.
fn check_def(language: &str, def: &Def, diags: &mut Diagnostics) {
    if def.bare().is_none() {
        let message = format!(
            "token name '{}' is not a valid reference: a name is a letter or '_' then \
             letters, digits and '_', written with or without '#' and referenced as \
             '#Name'",
            def.name
        );
        diags.error(def.name_pos.clone(), message);
    }
    if def.text.trim().is_empty() {
        let message = format!("{} is empty in {language}", shown(def));
        diags.error(def.text_pos.clone(), message);
    }
    for e in placeholder::parse(&def.text).1 {
        let message = format!("{} in {language}: {}", shown(def), e.message);
        diags.error(def.pos_at(e.offset), message);
    }
}

/// `#Name` for a valid name, else the name as written.
fn shown(def: &Def) -> String {
    match def.bare() {
        Some(bare) => format!("#{bare}"),
        None => format!("'{}'", def.name),
    }
}

fn check_duplicates(language: &str, defs: &[&Def], diags: &mut Diagnostics) {
    let mut first: BTreeMap<&str, &Def> = BTreeMap::new();
    for def in defs {
        let Some(bare) = def.bare() else { continue };
        match first.get(bare) {
            Some(earlier) => {
                let message = format!(
                    "#{bare} is defined twice in {language} (first at {}); which one Steam \
                     keeps is not documented",
                    earlier.name_pos
                );
                diags.error(def.name_pos.clone(), message);
            }
            None => {
                first.insert(bare, def);
            }
        }
    }
}

/// A translation against English: tokens English lacks (errors), tokens it
/// lacks (one warning), variables that differ (errors).
fn compare_with_english(
    catalog: &Catalog,
    language: &str,
    english: &BTreeMap<&str, &Def>,
    diags: &mut Diagnostics,
) {
    let translated = catalog.tokens_of(language);
    for (bare, def) in &translated {
        match english.get(bare) {
            None => {
                let message = format!(
                    "#{bare} is in {language} but not in english: English is the fallback, so \
                     the token shows nothing in every language that lacks it"
                );
                diags.error(def.name_pos.clone(), message);
            }
            Some(en) => compare_variables(language, bare, en, def, diags),
        }
    }
    let missing: Vec<String> = english
        .keys()
        .filter(|bare| !translated.contains_key(*bare))
        .map(|bare| format!("#{bare}"))
        .collect();
    if let (false, Some(pos)) = (missing.is_empty(), catalog.language_pos(language)) {
        let message = format!(
            "{language} lacks {} of {} English tokens (its players see English): {}",
            missing.len(),
            english.len(),
            missing.join(", ")
        );
        diags.warning(pos.clone(), message);
    }
}

fn compare_variables(language: &str, bare: &str, en: &Def, def: &Def, diags: &mut Diagnostics) {
    // Malformed placeholders are reported on their own; compare only well-formed texts.
    let (Ok(theirs), Ok(ours)) = (
        placeholder::variables(&def.text),
        placeholder::variables(&en.text),
    ) else {
        return;
    };
    let theirs: BTreeSet<&str> = theirs.into_iter().collect();
    let ours: BTreeSet<&str> = ours.into_iter().collect();
    if theirs != ours {
        let message = format!(
            "the variables of #{bare} in {language} differ from English's: {language} has {}, \
             english has {} (at {})",
            set(&theirs),
            set(&ours),
            en.text_pos
        );
        diags.error(def.text_pos.clone(), message);
    }
}

/// `{{a}}, {{b}}`, or `no variables`.
fn set(names: &BTreeSet<&str>) -> String {
    if names.is_empty() {
        return "no variables".to_owned();
    }
    let each: Vec<String> = names.iter().map(|n| format!("{{{{{n}}}}}")).collect();
    each.join(", ")
}
