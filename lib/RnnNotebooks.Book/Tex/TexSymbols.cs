namespace RnnNotebooks.Book.Tex;

/// <summary>
/// The symbols TeX names with a command, and the characters it treats as operators, with their TeX class
/// (Appendix F of The TeXbook and amsmath's additions) and their Unicode characters.
/// </summary>
internal static class TexSymbols
{
    /// <summary>Greek letters: lower case set italic, upper case upright (as TeX does).</summary>
    public static readonly Dictionary<string, string> Greek = new()
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["varkappa"] = "ϰ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["omicron"] = "ο", ["pi"] = "π",
        ["varpi"] = "ϖ", ["rho"] = "ρ", ["varrho"] = "ϱ", ["sigma"] = "σ", ["varsigma"] = "ς", ["tau"] = "τ",
        ["upsilon"] = "υ", ["phi"] = "ϕ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π",
        ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
    };

    /// <summary>Ordinary symbols, set as identifiers; the bool is true for those TeX sets upright although the browser would slant them.</summary>
    public static readonly Dictionary<string, (string Text, bool Upright)> Ordinary = new()
    {
        ["infty"] = ("∞", false), ["partial"] = ("∂", false), ["nabla"] = ("∇", true), ["forall"] = ("∀", false),
        ["exists"] = ("∃", false), ["nexists"] = ("∄", false), ["emptyset"] = ("∅", false), ["varnothing"] = ("∅", false),
        ["ell"] = ("ℓ", false), ["hbar"] = ("ℏ", false), ["Re"] = ("ℜ", false), ["Im"] = ("ℑ", false),
        ["aleph"] = ("ℵ", false), ["wp"] = ("℘", false), ["imath"] = ("ı", false), ["jmath"] = ("ȷ", false),
        ["top"] = ("⊤", false), ["bot"] = ("⊥", false), ["prime"] = ("′", false), ["angle"] = ("∠", false),
        ["triangle"] = ("△", false), ["square"] = ("□", false), ["Box"] = ("□", false), ["checkmark"] = ("✓", false),
        ["dagger"] = ("†", false), ["ddagger"] = ("‡", false), ["S"] = ("§", false), ["P"] = ("¶", false),
        ["#"] = ("#", false), ["%"] = ("%", false), ["&"] = ("&", false), ["$"] = ("$", false), ["_"] = ("_", false),
        ["sharp"] = ("♯", false), ["flat"] = ("♭", false), ["natural"] = ("♮", false),
    };

    /// <summary>Operators, relations and punctuation named by a command.</summary>
    public static readonly Dictionary<string, (string Text, AtomClass Class)> Operators = new()
    {
        ["cdot"] = ("⋅", AtomClass.Bin), ["times"] = ("×", AtomClass.Bin), ["div"] = ("÷", AtomClass.Bin),
        ["pm"] = ("±", AtomClass.Bin), ["mp"] = ("∓", AtomClass.Bin), ["odot"] = ("⊙", AtomClass.Bin),
        ["otimes"] = ("⊗", AtomClass.Bin), ["oplus"] = ("⊕", AtomClass.Bin), ["ominus"] = ("⊖", AtomClass.Bin),
        ["oslash"] = ("⊘", AtomClass.Bin), ["circ"] = ("∘", AtomClass.Bin), ["ast"] = ("∗", AtomClass.Bin),
        ["star"] = ("⋆", AtomClass.Bin), ["bullet"] = ("∙", AtomClass.Bin), ["cap"] = ("∩", AtomClass.Bin),
        ["cup"] = ("∪", AtomClass.Bin), ["setminus"] = ("∖", AtomClass.Bin), ["wedge"] = ("∧", AtomClass.Bin),
        ["land"] = ("∧", AtomClass.Bin), ["vee"] = ("∨", AtomClass.Bin), ["lor"] = ("∨", AtomClass.Bin),
        ["sqcup"] = ("⊔", AtomClass.Bin), ["sqcap"] = ("⊓", AtomClass.Bin), ["diamond"] = ("⋄", AtomClass.Bin),
        ["uplus"] = ("⊎", AtomClass.Bin), ["neg"] = ("¬", AtomClass.Ord), ["lnot"] = ("¬", AtomClass.Ord),
        ["leq"] = ("≤", AtomClass.Rel), ["le"] = ("≤", AtomClass.Rel), ["geq"] = ("≥", AtomClass.Rel),
        ["ge"] = ("≥", AtomClass.Rel), ["leqslant"] = ("⩽", AtomClass.Rel), ["geqslant"] = ("⩾", AtomClass.Rel),
        ["neq"] = ("≠", AtomClass.Rel), ["ne"] = ("≠", AtomClass.Rel), ["approx"] = ("≈", AtomClass.Rel),
        ["sim"] = ("∼", AtomClass.Rel), ["simeq"] = ("≃", AtomClass.Rel), ["cong"] = ("≅", AtomClass.Rel),
        ["equiv"] = ("≡", AtomClass.Rel), ["propto"] = ("∝", AtomClass.Rel), ["ll"] = ("≪", AtomClass.Rel),
        ["gg"] = ("≫", AtomClass.Rel), ["lesssim"] = ("≲", AtomClass.Rel), ["gtrsim"] = ("≳", AtomClass.Rel),
        ["in"] = ("∈", AtomClass.Rel), ["notin"] = ("∉", AtomClass.Rel), ["ni"] = ("∋", AtomClass.Rel),
        ["subset"] = ("⊂", AtomClass.Rel), ["subseteq"] = ("⊆", AtomClass.Rel), ["supset"] = ("⊃", AtomClass.Rel),
        ["supseteq"] = ("⊇", AtomClass.Rel), ["prec"] = ("≺", AtomClass.Rel), ["succ"] = ("≻", AtomClass.Rel),
        ["preceq"] = ("⪯", AtomClass.Rel), ["succeq"] = ("⪰", AtomClass.Rel), ["perp"] = ("⊥", AtomClass.Rel),
        ["parallel"] = ("∥", AtomClass.Rel), ["mid"] = ("∣", AtomClass.Rel), ["asymp"] = ("≍", AtomClass.Rel),
        ["doteq"] = ("≐", AtomClass.Rel), ["coloneqq"] = ("≔", AtomClass.Rel), ["triangleq"] = ("≜", AtomClass.Rel),
        ["vdash"] = ("⊢", AtomClass.Rel), ["models"] = ("⊨", AtomClass.Rel),
        ["to"] = ("→", AtomClass.Rel), ["rightarrow"] = ("→", AtomClass.Rel), ["gets"] = ("←", AtomClass.Rel),
        ["leftarrow"] = ("←", AtomClass.Rel), ["leftrightarrow"] = ("↔", AtomClass.Rel),
        ["Rightarrow"] = ("⇒", AtomClass.Rel), ["Leftarrow"] = ("⇐", AtomClass.Rel),
        ["Leftrightarrow"] = ("⇔", AtomClass.Rel), ["implies"] = ("⟹", AtomClass.Rel),
        ["impliedby"] = ("⟸", AtomClass.Rel), ["iff"] = ("⟺", AtomClass.Rel), ["mapsto"] = ("↦", AtomClass.Rel),
        ["longrightarrow"] = ("⟶", AtomClass.Rel), ["longleftarrow"] = ("⟵", AtomClass.Rel),
        ["Longrightarrow"] = ("⟹", AtomClass.Rel), ["longmapsto"] = ("⟼", AtomClass.Rel),
        ["hookrightarrow"] = ("↪", AtomClass.Rel), ["nearrow"] = ("↗", AtomClass.Rel), ["searrow"] = ("↘", AtomClass.Rel),
        ["rightleftharpoons"] = ("⇌", AtomClass.Rel), ["leadsto"] = ("⇝", AtomClass.Rel),
        ["uparrow"] = ("↑", AtomClass.Rel), ["downarrow"] = ("↓", AtomClass.Rel), ["updownarrow"] = ("↕", AtomClass.Rel),
        ["Uparrow"] = ("⇑", AtomClass.Rel), ["Downarrow"] = ("⇓", AtomClass.Rel),
        ["colon"] = (":", AtomClass.Punct),
        ["ldots"] = ("…", AtomClass.Inner), ["dots"] = ("…", AtomClass.Inner), ["dotsc"] = ("…", AtomClass.Inner),
        ["dotso"] = ("…", AtomClass.Inner), ["cdots"] = ("⋯", AtomClass.Inner), ["dotsb"] = ("⋯", AtomClass.Inner),
        ["dotsm"] = ("⋯", AtomClass.Inner), ["dotsi"] = ("⋯", AtomClass.Inner), ["vdots"] = ("⋮", AtomClass.Ord),
        ["ddots"] = ("⋱", AtomClass.Inner), ["iddots"] = ("⋰", AtomClass.Inner),
    };

    /// <summary>Delimiters: after <c>\left</c>, <c>\right</c>, <c>\middle</c> and <c>\big</c>, and on their own.</summary>
    public static readonly Dictionary<string, (string Text, AtomClass Class)> Delimiters = new()
    {
        ["("] = ("(", AtomClass.Open), [")"] = (")", AtomClass.Close), ["["] = ("[", AtomClass.Open),
        ["]"] = ("]", AtomClass.Close), ["|"] = ("|", AtomClass.Ord), ["/"] = ("/", AtomClass.Ord),
        ["<"] = ("⟨", AtomClass.Open), [">"] = ("⟩", AtomClass.Close),
        ["\\{"] = ("{", AtomClass.Open), ["\\}"] = ("}", AtomClass.Close), ["\\lbrace"] = ("{", AtomClass.Open),
        ["\\rbrace"] = ("}", AtomClass.Close), ["\\lbrack"] = ("[", AtomClass.Open), ["\\rbrack"] = ("]", AtomClass.Close),
        ["\\langle"] = ("⟨", AtomClass.Open), ["\\rangle"] = ("⟩", AtomClass.Close),
        ["\\lvert"] = ("|", AtomClass.Open), ["\\rvert"] = ("|", AtomClass.Close), ["\\vert"] = ("|", AtomClass.Ord),
        ["\\lVert"] = ("‖", AtomClass.Open), ["\\rVert"] = ("‖", AtomClass.Close), ["\\Vert"] = ("‖", AtomClass.Ord),
        ["\\|"] = ("‖", AtomClass.Ord), ["\\lfloor"] = ("⌊", AtomClass.Open), ["\\rfloor"] = ("⌋", AtomClass.Close),
        ["\\lceil"] = ("⌈", AtomClass.Open), ["\\rceil"] = ("⌉", AtomClass.Close), ["\\backslash"] = ("\\", AtomClass.Ord),
        ["\\uparrow"] = ("↑", AtomClass.Rel), ["\\downarrow"] = ("↓", AtomClass.Rel), ["\\updownarrow"] = ("↕", AtomClass.Rel),
        ["\\Uparrow"] = ("⇑", AtomClass.Rel), ["\\Downarrow"] = ("⇓", AtomClass.Rel),
    };

    /// <summary>Characters that are operators, relations, punctuation or delimiters when typed as they are.</summary>
    public static readonly Dictionary<string, (string Text, AtomClass Class)> Characters = new()
    {
        ["+"] = ("+", AtomClass.Bin), ["-"] = ("−", AtomClass.Bin), ["*"] = ("∗", AtomClass.Bin),
        ["="] = ("=", AtomClass.Rel), ["<"] = ("<", AtomClass.Rel), [">"] = (">", AtomClass.Rel),
        [":"] = (":", AtomClass.Rel), [","] = (",", AtomClass.Punct), [";"] = (";", AtomClass.Punct),
        ["!"] = ("!", AtomClass.Close), ["?"] = ("?", AtomClass.Close), ["."] = (".", AtomClass.Ord),
        ["/"] = ("/", AtomClass.Ord), ["|"] = ("|", AtomClass.Ord), ["("] = ("(", AtomClass.Open),
        [")"] = (")", AtomClass.Close), ["["] = ("[", AtomClass.Open), ["]"] = ("]", AtomClass.Close),
        ["@"] = ("@", AtomClass.Ord), ["\""] = ("\"", AtomClass.Ord),
    };

    /// <summary>Big operators: the bool is true when their limits go below and above in display style (∑), false for integrals.</summary>
    public static readonly Dictionary<string, (string Text, bool MovableLimits)> LargeOperators = new()
    {
        ["sum"] = ("∑", true), ["prod"] = ("∏", true), ["coprod"] = ("∐", true), ["bigcup"] = ("⋃", true),
        ["bigcap"] = ("⋂", true), ["bigvee"] = ("⋁", true), ["bigwedge"] = ("⋀", true), ["bigoplus"] = ("⨁", true),
        ["bigotimes"] = ("⨂", true), ["bigodot"] = ("⨀", true), ["biguplus"] = ("⨄", true), ["bigsqcup"] = ("⨆", true),
        ["int"] = ("∫", false), ["iint"] = ("∬", false), ["iiint"] = ("∭", false), ["oint"] = ("∮", false),
    };

    /// <summary>Named operators: the name shown, and whether limits go below in display style.</summary>
    public static readonly Dictionary<string, (string Name, bool Limits)> Functions = new()
    {
        ["log"] = ("log", false), ["ln"] = ("ln", false), ["lg"] = ("lg", false), ["exp"] = ("exp", false),
        ["sin"] = ("sin", false), ["cos"] = ("cos", false), ["tan"] = ("tan", false), ["cot"] = ("cot", false),
        ["sec"] = ("sec", false), ["csc"] = ("csc", false), ["sinh"] = ("sinh", false), ["cosh"] = ("cosh", false),
        ["tanh"] = ("tanh", false), ["coth"] = ("coth", false), ["arcsin"] = ("arcsin", false),
        ["arccos"] = ("arccos", false), ["arctan"] = ("arctan", false), ["arg"] = ("arg", false), ["deg"] = ("deg", false),
        ["dim"] = ("dim", false), ["hom"] = ("hom", false), ["ker"] = ("ker", false),
        ["det"] = ("det", true), ["gcd"] = ("gcd", true), ["Pr"] = ("Pr", true), ["max"] = ("max", true),
        ["min"] = ("min", true), ["sup"] = ("sup", true), ["inf"] = ("inf", true), ["lim"] = ("lim", true),
        ["liminf"] = ("lim\u2009inf", true), ["limsup"] = ("lim\u2009sup", true),
    };

    /// <summary>Spacing commands and their widths in em (TeX's thin, medium and thick spaces are 3, 4 and 5 mu: 1/18 em each).</summary>
    public static readonly Dictionary<string, double> Spaces = new()
    {
        [","] = 3 / 18.0, ["thinspace"] = 3 / 18.0, [":"] = 4 / 18.0, [">"] = 4 / 18.0, ["medspace"] = 4 / 18.0,
        [";"] = 5 / 18.0, ["thickspace"] = 5 / 18.0, ["!"] = -3 / 18.0, ["negthinspace"] = -3 / 18.0,
        ["negmedspace"] = -4 / 18.0, ["negthickspace"] = -5 / 18.0, [" "] = 1 / 3.0, ["enspace"] = 0.5,
        ["quad"] = 1, ["qquad"] = 2,
    };

    /// <summary>
    /// Accents and marks: the character, whether it spans the base, and whether it goes below. The characters are
    /// the spacing forms for fixed accents (ˆ ˜ ¯ →), and for stretchy ones those math fonts give wide variants
    /// (U+0302, U+0303, U+0332, arrows).
    /// </summary>
    public static readonly Dictionary<string, (string Mark, bool Stretchy, bool Under)> Accents = new()
    {
        ["hat"] = ("ˆ", false, false), ["widehat"] = ("\u0302", true, false), ["check"] = ("ˇ", false, false),
        ["tilde"] = ("˜", false, false), ["widetilde"] = ("\u0303", true, false), ["acute"] = ("´", false, false),
        ["grave"] = ("`", false, false), ["dot"] = ("˙", false, false), ["ddot"] = ("¨", false, false),
        ["breve"] = ("˘", false, false), ["bar"] = ("¯", false, false), ["vec"] = ("→", false, false),
        ["underline"] = ("\u0332", true, true), ["overrightarrow"] = ("→", true, false),
        ["overleftarrow"] = ("←", true, false), ["overleftrightarrow"] = ("↔", true, false),
    };

    /// <summary>Commands TeX knows that this converter does not, with what to write instead.</summary>
    public static readonly Dictionary<string, string> Unsupported = new()
    {
        ["over"] = "\\over is not supported: write \\frac{a}{b}",
        ["atop"] = "\\atop is not supported: write \\binom{a}{b} or a matrix",
        ["choose"] = "\\choose is not supported: write \\binom{n}{k}",
        ["bf"] = "\\bf is not supported: write \\mathbf{...}",
        ["rm"] = "\\rm is not supported: write \\mathrm{...}",
        ["it"] = "\\it is not supported: write \\mathit{...}",
        ["cal"] = "\\cal is not supported: write \\mathcal{...}",
        ["newcommand"] = "macro definitions (\\newcommand) are not supported: write the TeX out",
        ["renewcommand"] = "macro definitions (\\renewcommand) are not supported: write the TeX out",
        ["def"] = "macro definitions (\\def) are not supported: write the TeX out",
        ["DeclareMathOperator"] = "\\DeclareMathOperator is not supported: write \\operatorname{name}",
        ["label"] = "equation labels (\\label) are not supported in the book",
        ["tag"] = "equation tags (\\tag) are not supported in the book",
        ["eqref"] = "equation references (\\eqref) are not supported in the book",
        ["hline"] = "\\hline is not supported: matrices and alignments have no rules",
        ["not"] = "\\not is not supported: write \\neq, \\notin, ...",
    };

    /// <summary>Characters MathML stretches vertically by default; set on their own (not after <c>\left</c>) they must keep their size.</summary>
    public static readonly HashSet<string> VerticallyStretchy =
        ["(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "/", "\\", "↑", "↓", "↕", "⇑", "⇓", "∣", "∥"];

    /// <summary>An operator typed or named on its own: a delimiter among them keeps its size.</summary>
    public static OperatorNode Operator(string text, AtomClass kind) =>
        new(text, kind) { Stretchy = VerticallyStretchy.Contains(text) ? false : null };

    /// <summary>The class of a symbol typed as a Unicode character (≤, ×), found among the named ones; Ord when none.</summary>
    public static AtomClass ClassOf(string text) =>
        Operators.Values.Concat(Characters.Values).FirstOrDefault(entry => entry.Text == text) is { Text: not null } entry
            ? entry.Class
            : LargeOperators.Values.Any(entry => entry.Text == text) ? AtomClass.Op : AtomClass.Ord;
}
