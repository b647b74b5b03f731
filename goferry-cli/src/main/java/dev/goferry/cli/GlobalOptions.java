package dev.goferry.cli;

import dev.goferry.i18n.Language;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts; declared once on the top command and inherited by all. */
public final class GlobalOptions {

    @Option(names = "--json", scope = ScopeType.INHERIT, descriptionKey = "json",
            description = "Print machine-readable JSON (see docs/json.md).")
    boolean json;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "LANG", descriptionKey = "lang",
            converter = LanguageConverter.class,
            description = "Language of the output: en or zh-CN (default: from LC_ALL, LC_MESSAGES, LANG).")
    Language lang;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, descriptionKey = "no-color",
            description = "Never colour the output (also when NO_COLOR is set).")
    boolean noColor;

    /** Converts {@code --lang} values, refusing languages goferry has no catalog for. */
    static final class LanguageConverter implements picocli.CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return Language.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "unsupported language '" + value + "' (use en or zh-CN)"));
        }
    }
}
