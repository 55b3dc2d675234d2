//! Tests of `locales.rs`: the key check and the generated lookups and tables.

use super::*;

const EN: &str = "[lang]\ntag = \"en\"\n[ui]\nPlay = \"Play\"\n[fields.\"window.gap_ms\"]\nlabel = \"Gap\"\nhelp = \"Silence\"\n";

fn parse(code: &str, text: &str) -> Locale {
    Locale::parse(code, text).expect("valid TOML")
}

#[test]
fn the_same_keys_pass() {
    let pt = EN.replace("\"Play\"", "\"Iniciar\"");
    assert!(check_keys(&parse("en", EN), &parse("pt", &pt)).is_ok());
}

#[test]
fn a_missing_key_names_the_file_and_the_key() {
    let pt = EN.replace("help = \"Silence\"\n", "");
    let err = check_keys(&parse("en", EN), &parse("pt", &pt)).unwrap_err();
    assert_eq!(
        err,
        "locales/pt.toml: key `fields.window.gap_ms.help` is missing (it is in en.toml)"
    );
}

#[test]
fn an_extra_key_names_the_file_and_the_key() {
    let es = format!("{EN}Pause = \"Pausa\"\n").replace("[fields", "[ui2]\nx = \"y\"\n[fields");
    let err = check_keys(&parse("en", EN), &parse("es", &es)).unwrap_err();
    assert!(
        err.contains("locales/es.toml: key `ui2.x` is not in en.toml"),
        "{err}"
    );
    assert!(
        err.contains("`fields.window.gap_ms.Pause` is not in en.toml"),
        "{err}"
    );
}

#[test]
fn a_value_that_is_not_a_string_is_refused() {
    let err = Locale::parse("pt", "[ui]\nPlay = 3\n")
        .err()
        .expect("refused");
    assert_eq!(err, "locales/pt.toml: `ui.Play` is not a string");
}

#[test]
fn a_section_without_a_lookup_is_refused() {
    let err = generate(&[parse("en", "[nowhere]\nx = \"y\"\n")])
        .err()
        .unwrap_or_default();
    assert!(err.contains("[nowhere]"), "{err}");
}

/// `EN` with the number format `generate` needs.
fn with_format(text: &str) -> String {
    text.replace("[ui]", "[format]\ndecimal = \".\"\nthousands = \",\"\n[ui]")
}

#[test]
fn every_language_is_a_table_in_the_references_order() {
    let pt = "[lang]\ntag = \"pt-BR\"\n[format]\ndecimal = \",\"\nthousands = \".\"\n[fields.\"window.gap_ms\"]\nhelp = \"Silêncio\"\nlabel = \"Intervalo\"\n[ui]\nPlay = \"Iniciar\"\n";
    let generated = generate(&[parse("en", &with_format(EN)), parse("pt", pt)]).expect("generated");
    // The reference's order (ui.Play, then the field's label and help), whatever pt's is.
    // The reference is a table too: the page's wasm carries no language's strings.
    assert_eq!(generated.tables.len(), 2);
    assert_eq!(generated.tables[0].0, "en");
    assert_eq!(
        generated.tables[1],
        (
            "pt".to_string(),
            "Iniciar\u{1f}Intervalo\u{1f}Silêncio".to_string()
        )
    );
    // One index `match` per section for every language.
    assert_eq!(
        generated
            .code
            .matches("crate::i18n::Key::Play => 0,")
            .count(),
        1
    );
    assert!(generated.code.contains("\"window.gap_ms\" => (1, 2),"));
    assert!(!generated.code.contains("=> \"Play\","));
}

#[test]
fn a_string_holding_the_separator_is_refused() {
    let en = with_format(EN);
    let pt = en.replace("\"Play\"", "\"Ini\\u001Fciar\"");
    let err = generate(&[parse("en", &en), parse("pt", &pt)])
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("locales/pt.toml") && err.contains("U+001F"),
        "{err}"
    );
}
