using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// TeX in, MathML out, for the constructs the course's notes use. Each expected string is written by hand from
/// the MathML Core element definitions (mi/mn/mo tokens, msub/msup/msubsup, munder/mover, mfrac, msqrt/mroot,
/// mtable) and the Unicode charts, not copied from the converter's output.
/// </summary>
public sealed class TexToMathMlTests
{
    private static string MathMl(string tex) => MathMlWriter.Fragment(TexParser.Parse(tex));

    [Theory]
    [InlineData("x", "<mi>x</mi>")]
    [InlineData("xy", "<mi>x</mi><mi>y</mi>")]
    [InlineData("1.386", "<mn>1.386</mn>")]
    [InlineData("3x", "<mn>3</mn><mi>x</mi>")]
    [InlineData("x.", "<mi>x</mi><mo lspace=\"0em\" rspace=\"0em\">.</mo>")]
    [InlineData("a + b", "<mi>a</mi><mo>+</mo><mi>b</mi>")]
    [InlineData("a - b", "<mi>a</mi><mo>−</mo><mi>b</mi>")]
    [InlineData("a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")]
    [InlineData("a \\leq b \\geq c \\approx d \\neq e", "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≈</mo><mi>d</mi><mo>≠</mo><mi>e</mi>")]
    [InlineData("a \\cdot b \\times c \\odot d \\circ e", "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>⊙</mo><mi>d</mi><mo>∘</mo><mi>e</mi>")]
    [InlineData("x \\to y \\gets z \\mapsto w \\in S", "<mi>x</mi><mo>→</mo><mi>y</mi><mo>←</mo><mi>z</mi><mo>↦</mo><mi>w</mi><mo>∈</mo><mi>S</mi>")]
    [InlineData("\\infty \\partial \\nabla", "<mi>∞</mi><mi>∂</mi><mi mathvariant=\"normal\">∇</mi>")]
    [InlineData("a % a comment\n+ b", "<mi>a</mi><mo>+</mo><mi>b</mi>")]
    public void Tokens_are_identifiers_numbers_and_operators(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\alpha \\beta \\sigma \\varepsilon \\epsilon", "<mi>α</mi><mi>β</mi><mi>σ</mi><mi>ε</mi><mi>ϵ</mi>")]
    [InlineData("\\Gamma \\Delta \\Sigma \\Omega", "<mi mathvariant=\"normal\">Γ</mi><mi mathvariant=\"normal\">Δ</mi><mi mathvariant=\"normal\">Σ</mi><mi mathvariant=\"normal\">Ω</mi>")]
    public void Greek_letters_are_italic_in_lower_case_and_upright_in_upper_case(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("x^2", "<msup><mi>x</mi><mn>2</mn></msup>")]
    [InlineData("x^23", "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>")]
    [InlineData("a_{t-1}", "<msub><mi>a</mi><mrow><mi>t</mi><mo lspace=\"0em\" rspace=\"0em\">−</mo><mn>1</mn></mrow></msub>")]
    [InlineData("x_i^{2}", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")]
    [InlineData("x^{2}_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")]
    [InlineData("e^{z_k}", "<msup><mi>e</mi><msub><mi>z</mi><mi>k</mi></msub></msup>")]
    [InlineData("W^\\top", "<msup><mi>W</mi><mi>⊤</mi></msup>")]
    [InlineData("W^T", "<msup><mi>W</mi><mi>T</mi></msup>")]
    [InlineData("{}^T x", "<msup><mrow></mrow><mi>T</mi></msup><mi>x</mi>")]
    [InlineData("a'", "<mrow><mi>a</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>")]
    [InlineData("f''(x)", "<mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">″</mo></mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("a'^2", "<msup><mrow><mi>a</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow><mn>2</mn></msup>")]
    [InlineData("g_1'(z)", "<mrow><msub><mi>g</mi><mn>1</mn></msub><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo>")]
    public void Scripts_nest_and_primes_are_superscripts(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Fact]
    public void The_notes_hidden_state_has_angle_bracket_superscripts()
    {
        Assert.Equal(
            "<msup><mi>a</mi><mrow><mo stretchy=\"false\">⟨</mo><mi>t</mi><mo lspace=\"0em\" rspace=\"0em\">−</mo><mn>1</mn><mo stretchy=\"false\">⟩</mo></mrow></msup>",
            MathMl("a^{\\langle t-1 \\rangle}"));
    }

    [Theory]
    [InlineData("\\frac{a}{b+c}", "<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mi>c</mi></mrow></mfrac>")]
    [InlineData("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>")]
    [InlineData("\\dfrac{a}{b}", "<mfrac displaystyle=\"true\"><mi>a</mi><mi>b</mi></mfrac>")]
    [InlineData("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>")]
    [InlineData("\\sqrt{a+b}", "<msqrt><mi>a</mi><mo>+</mo><mi>b</mi></msqrt>")]
    [InlineData("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>")]
    [InlineData("\\binom{n}{k}", "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>")]
    public void Fractions_and_roots(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\left( \\frac{a}{b} \\right)",
        "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>")]
    [InlineData("\\left< x \\right>", "<mrow><mo form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⟩</mo></mrow>")]
    [InlineData("\\left[ x \\right]", "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>")]
    [InlineData("\\left\\{ x \\middle| y \\right\\}",
        "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi><mo stretchy=\"true\">|</mo><mi>y</mi><mo form=\"postfix\" stretchy=\"true\">}</mo></mrow>")]
    [InlineData("\\left\\langle x \\right\\rangle", "<mrow><mo form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⟩</mo></mrow>")]
    [InlineData("\\left\\lVert g \\right\\rVert", "<mrow><mo form=\"prefix\" stretchy=\"true\">‖</mo><mi>g</mi><mo form=\"postfix\" stretchy=\"true\">‖</mo></mrow>")]
    [InlineData("\\left. \\frac{a}{b} \\right|_{t=1}",
        "<msub><mrow><mfrac><mi>a</mi><mi>b</mi></mfrac><mo form=\"postfix\" stretchy=\"true\">|</mo></mrow><mrow><mi>t</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow></msub>")]
    [InlineData("\\left( -x \\right)", "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mo form=\"prefix\">−</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>")]
    [InlineData("\\big( x \\big)", "<mo form=\"prefix\" stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">)</mo>")]
    public void Left_and_right_delimiters_stretch(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("(x)", "<mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\langle x \\rangle", "<mo stretchy=\"false\">⟨</mo><mi>x</mi><mo stretchy=\"false\">⟩</mo>")]
    [InlineData("\\|g\\|", "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo><mi>g</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo>")]
    [InlineData("\\lVert g \\rVert", "<mo stretchy=\"false\">‖</mo><mi>g</mi><mo stretchy=\"false\">‖</mo>")]
    [InlineData("|x|", "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo>")]
    [InlineData("p(x \\mid y)", "<mi>p</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">∣</mo><mi>y</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\{0, 1\\}^{n_x}",
        "<mo stretchy=\"false\">{</mo><mn>0</mn><mo>,</mo><mn>1</mn><msup><mo stretchy=\"false\">}</mo><msub><mi>n</mi><mi>x</mi></msub></msup>")]
    [InlineData("\\lbrace a \\rbrace", "<mo stretchy=\"false\">{</mo><mi>a</mi><mo stretchy=\"false\">}</mo>")]
    public void Delimiters_on_their_own_keep_their_size(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("(-1, 1)", "<mo stretchy=\"false\">(</mo><mo form=\"prefix\">−</mo><mn>1</mn><mo>,</mo><mn>1</mn><mo stretchy=\"false\">)</mo>")]
    [InlineData("-x", "<mo form=\"prefix\">−</mo><mi>x</mi>")]
    [InlineData("a = -b", "<mi>a</mi><mo>=</mo><mo form=\"prefix\">−</mo><mi>b</mi>")]
    [InlineData("x_1, \\dots, x_n",
        "<msub><mi>x</mi><mn>1</mn></msub><mo>,</mo><mo lspace=\"0em\" rspace=\"0em\">…</mo><mspace width=\"0.1667em\"/><mo>,</mo><msub><mi>x</mi><mi>n</mi></msub>")]
    [InlineData("a \\cdots b \\ldots c", "<mi>a</mi><mspace width=\"0.1667em\"/><mo lspace=\"0em\" rspace=\"0em\">⋯</mo><mspace width=\"0.1667em\"/><mi>b</mi><mspace width=\"0.1667em\"/><mo lspace=\"0em\" rspace=\"0em\">…</mo><mspace width=\"0.1667em\"/><mi>c</mi>")]
    [InlineData("\\vdots \\ddots", "<mo lspace=\"0em\" rspace=\"0em\">⋮</mo><mspace width=\"0.1667em\"/><mo lspace=\"0em\" rspace=\"0em\">⋱</mo>")]
    public void Signs_and_dots_are_spaced_as_TeX_spaces_them(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\sum_{t=1}^{T_y} x",
        "<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo><mrow><mi>t</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><msub><mi>T</mi><mi>y</mi></msub></munderover><mi>x</mi>")]
    [InlineData("\\prod_{k} J_k", "<munder><mo largeop=\"true\" movablelimits=\"true\">∏</mo><mi>k</mi></munder><msub><mi>J</mi><mi>k</mi></msub>")]
    [InlineData("\\int_0^1 f", "<msubsup><mo largeop=\"true\">∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi>")]
    [InlineData("\\sum\\nolimits_t x", "<msub><mo largeop=\"true\" movablelimits=\"true\">∑</mo><mi>t</mi></msub><mi>x</mi>")]
    [InlineData("\\int\\limits_0^1", "<munderover><mo largeop=\"true\">∫</mo><mn>0</mn><mn>1</mn></munderover>")]
    public void Big_operators_take_limits(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\log n_y", "<mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><msub><mi>n</mi><mi>y</mi></msub>")]
    [InlineData("\\tanh(x)", "<mi>tanh</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\exp z", "<mi>exp</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>z</mi>")]
    [InlineData("2\\log x", "<mn>2</mn><mspace width=\"0.1667em\"/><mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>x</mi>")]
    [InlineData("\\operatorname{softmax}(z)_k",
        "<mi>softmax</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>z</mi><msub><mo stretchy=\"false\">)</mo><mi>k</mi></msub>")]
    [InlineData("\\arg\\max_\\theta J",
        "<mi>arg</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><munder><mo lspace=\"0em\" rspace=\"0em\" movablelimits=\"true\">max</mo><mi>θ</mi></munder><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>J</mi>")]
    [InlineData("\\operatorname*{argmax}_x f", "<munder><mo lspace=\"0em\" rspace=\"0em\" movablelimits=\"true\">argmax</mo><mi>x</mi></munder><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>f</mi>")]
    [InlineData("\\max(a, b)", "<mi>max</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("-\\log p", "<mo form=\"prefix\">−</mo><mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mi>p</mi>")]
    [InlineData("\\sigma(z)", "<mi>σ</mi><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo>")]
    public void Named_functions_are_upright_and_spaced(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\mathbf{W}_{aa}", "<msub><mi>\U0001D416</mi><mrow><mi>a</mi><mi>a</mi></mrow></msub>")]
    [InlineData("\\mathbf{x}", "<mi>\U0001D431</mi>")]
    [InlineData("\\mathbf{0}", "<mn>\U0001D7CE</mn>")]
    [InlineData("\\mathbf W x", "<mi>\U0001D416</mi><mi>x</mi>")]
    [InlineData("\\mathbb{R}^{n}", "<msup><mi>ℝ</mi><mi>n</mi></msup>")]
    [InlineData("\\mathbb{E}", "<mi>\U0001D53C</mi>")]
    [InlineData("\\mathcal{L}", "<mi>ℒ</mi>")]
    [InlineData("\\mathcal{D}", "<mi>\U0001D49F</mi>")]
    [InlineData("\\mathrm{d}x", "<mi mathvariant=\"normal\">d</mi><mi>x</mi>")]
    [InlineData("\\mathrm{softmax}", "<mi>softmax</mi>")]
    [InlineData("\\mathit{loss}", "<mi>\U0001D459\U0001D45C\U0001D460\U0001D460</mi>")]
    [InlineData("\\mathit{h}", "<mi>ℎ</mi>")]
    [InlineData("\\boldsymbol{\\alpha}", "<mi>\U0001D736</mi>")]
    [InlineData("\\boldsymbol{h}", "<mi>\U0001D489</mi>")]
    [InlineData("\\mathbf{\\Sigma}", "<mi>\U0001D6BA</mi>")]
    [InlineData("\\mathfrak{g}", "<mi>\U0001D524</mi>")]
    [InlineData("\\mathsf{A}\\mathtt{b}", "<mi>\U0001D5A0</mi><mi>\U0001D68B</mi>")]
    public void Font_commands_use_the_mathematical_alphabets(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\text{if } x > 0", "<mtext>if\u00A0</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn>")]
    [InlineData("\\text{a  b\\% \\& c}", "<mtext>a b% &amp; c</mtext>")]
    [InlineData("\\textbf{bold}", "<mtext style=\"font-weight: bold\">bold</mtext>")]
    [InlineData("\\mbox{{x}}", "<mtext>x</mtext>")]
    public void Text_keeps_its_spaces(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">ˆ</mo></mover>")]
    [InlineData("\\hat y^{\\langle t \\rangle}",
        "<msup><mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">ˆ</mo></mover><mrow><mo stretchy=\"false\">⟨</mo><mi>t</mi><mo stretchy=\"false\">⟩</mo></mrow></msup>")]
    [InlineData("\\bar{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>")]
    [InlineData("\\tilde{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˜</mo></mover>")]
    [InlineData("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>")]
    [InlineData("\\dot{a}", "<mover accent=\"true\"><mi>a</mi><mo stretchy=\"false\">˙</mo></mover>")]
    [InlineData("\\overline{AB}", "<mrow style=\"border-top: 0.065em solid; padding-top: 0.1em\"><mi>A</mi><mi>B</mi></mrow>")]
    [InlineData("\\underline{ab}", "<munder accentunder=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow><mo stretchy=\"true\">\u0332</mo></munder>")]
    [InlineData("\\widehat{xy}", "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u0302</mo></mover>")]
    [InlineData("\\underbrace{a+b}_{n}",
        "<munder><munder><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>")]
    [InlineData("\\overbrace{x}^{\\text{new}}",
        "<mover><mover><mi>x</mi><mo stretchy=\"true\">⏞</mo></mover><mtext>new</mtext></mover>")]
    [InlineData("\\overset{\\text{def}}{=}", "<mover><mo>=</mo><mtext>def</mtext></mover>")]
    public void Accents_braces_and_stacks(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Theory]
    [InlineData("a\\,b\\quad c\\qquad d", "<mi>a</mi><mspace width=\"0.1667em\"/><mi>b</mi><mspace width=\"1em\"/><mi>c</mi><mspace width=\"2em\"/><mi>d</mi>")]
    [InlineData("a\\;b\\!c", "<mi>a</mi><mspace width=\"0.2778em\"/><mi>b</mi><mspace width=\"-0.1667em\"/><mi>c</mi>")]
    [InlineData("a~b", "<mi>a</mi><mspace width=\"0.3333em\"/><mi>b</mi>")]
    [InlineData("g_1\\!\\left(x\\right)",
        "<msub><mi>g</mi><mn>1</mn></msub><mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>")]
    [InlineData("2\\frac{a}{b}", "<mn>2</mn><mspace width=\"0.1667em\"/><mfrac><mi>a</mi><mi>b</mi></mfrac>")]
    public void Spaces_are_mspace_and_add_to_TeX_spacing(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    [Fact]
    public void A_bmatrix_is_a_table_between_stretchy_brackets()
    {
        Assert.Equal(
            "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mtable>"
            + "<mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr>"
            + "<mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr>"
            + "</mtable><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>",
            MathMl("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}"));
    }

    [Theory]
    [InlineData("pmatrix", "(", ")")]
    [InlineData("Bmatrix", "{", "}")]
    [InlineData("vmatrix", "|", "|")]
    [InlineData("Vmatrix", "‖", "‖")]
    public void Matrices_take_their_brackets(string environment, string open, string close)
    {
        Assert.Equal(
            $"<mrow><mo form=\"prefix\" stretchy=\"true\">{open}</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable>"
            + $"<mo form=\"postfix\" stretchy=\"true\">{close}</mo></mrow>",
            MathMl($"\\begin{{{environment}}} 1 \\\\ 2 \\\\ \\end{{{environment}}}"));
    }

    [Fact]
    public void A_plain_matrix_has_no_brackets()
    {
        Assert.Equal("<mtable><mtr><mtd><mi>x</mi></mtd><mtd><mi>y</mi></mtd></mtr></mtable>", MathMl("\\begin{matrix}x&y\\end{matrix}"));
    }

    [Fact]
    public void Aligned_columns_alternate_right_and_left_and_keep_relation_spacing()
    {
        const string right = "<mtd style=\"text-align: right; text-align: -webkit-right; padding-right: 0\">";
        const string left = "<mtd style=\"text-align: left; padding-left: 0\">";
        Assert.Equal(
            "<mtable displaystyle=\"true\" columnalign=\"right left\">"
            + $"<mtr>{right}<mi>a</mi></mtd>{left}<mrow></mrow><mo>=</mo><mi>b</mi></mtd></mtr>"
            + $"<mtr>{right}</mtd>{left}<mrow></mrow><mo>=</mo><mi>c</mi></mtd></mtr>"
            + "</mtable>",
            MathMl("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}"));
    }

    [Theory]
    [InlineData("align*")]
    [InlineData("split")]
    public void Align_star_and_split_are_aligned(string environment)
    {
        Assert.Equal(MathMl("\\begin{aligned} a &= b \\end{aligned}"), MathMl($"\\begin{{{environment}}} a &= b \\end{{{environment}}}"));
    }

    [Fact]
    public void Cases_are_a_left_aligned_table_after_a_stretchy_brace()
    {
        Assert.Equal(
            "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mtable columnalign=\"left left\">"
            + "<mtr><mtd style=\"text-align: left\"><mn>1</mn></mtd><mtd style=\"text-align: left; padding-left: 1em\"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>"
            + "<mtr><mtd style=\"text-align: left\"><mn>0</mn></mtd><mtd style=\"text-align: left; padding-left: 1em\"><mtext>otherwise</mtext></mtd></mtr>"
            + "</mtable></mrow>",
            MathMl("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}"));
    }

    [Fact]
    public void Row_spacing_after_a_new_line_is_accepted()
    {
        Assert.Equal(MathMl("\\begin{matrix} a \\\\ b \\end{matrix}"), MathMl("\\begin{matrix} a \\\\[4pt] b \\end{matrix}"));
    }

    [Theory]
    [InlineData("\\color{red} x + y", "<mstyle mathcolor=\"red\"><mi>x</mi><mo>+</mo><mi>y</mi></mstyle>")]
    [InlineData("a {\\color{#c00} b} c", "<mi>a</mi><mrow><mstyle mathcolor=\"#c00\"><mi>b</mi></mstyle></mrow><mi>c</mi>")]
    [InlineData("\\textcolor{blue}{x}y", "<mstyle mathcolor=\"blue\"><mi>x</mi></mstyle><mi>y</mi>")]
    [InlineData("\\displaystyle \\frac{a}{b}", "<mstyle displaystyle=\"true\"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>")]
    public void Colour_and_style_switches_cover_the_rest_of_their_group(string tex, string mathMl) => Assert.Equal(mathMl, MathMl(tex));

    /// <summary>The lecture note's equations, as later notebooks will write them: each converts with no error.</summary>
    [Theory]
    [InlineData(@"a^{\langle 0 \rangle} = \vec{0}")]
    [InlineData(@"a^{\langle t \rangle} = g_1\!\left(W_{aa}\, a^{\langle t-1 \rangle} + W_{ax}\, x^{\langle t \rangle} + b_a\right) = g_1\!\left(W_a \left[a^{\langle t-1 \rangle}, x^{\langle t \rangle}\right] + b_a\right)")]
    [InlineData(@"W_a = \left[\, W_{aa} \;\middle|\; W_{ax} \,\right] = \begin{bmatrix} W_{aa} & W_{ax} \end{bmatrix}")]
    [InlineData(@"\hat{y}^{\langle t \rangle} = g_2\!\left(W_{ya}\, a^{\langle t \rangle} + b_y\right)")]
    [InlineData(@"\mathcal{L}(\hat{y}, y) = \sum_{t=1}^{T_y} \mathcal{L}^{\langle t \rangle}\!\left(\hat{y}^{\langle t \rangle}, y^{\langle t \rangle}\right)")]
    [InlineData(@"\frac{\partial \mathcal{L}}{\partial W_{aa}} = \sum_{t=1}^{T_x} \frac{\partial \mathcal{L}^{\langle t \rangle}}{\partial a^{\langle t \rangle}} \sum_{k=1}^{t} \left( \prod_{i=k+1}^{t} \frac{\partial a^{\langle i \rangle}}{\partial a^{\langle i-1 \rangle}} \right) \frac{\partial^{+} a^{\langle k \rangle}}{\partial W_{aa}}")]
    [InlineData(@"\frac{\partial a^{\langle i \rangle}}{\partial a^{\langle i-1 \rangle}} = \operatorname{diag}\!\left(g_1'(z^{\langle i \rangle})\right) W_{aa}, \qquad \left\lVert \prod_{i=k+1}^{t} \frac{\partial a^{\langle i \rangle}}{\partial a^{\langle i-1 \rangle}} \right\rVert \le \left(\gamma \, \rho(W_{aa})\right)^{t-k}")]
    [InlineData(@"\rho(W_{aa}) = \max_i |\lambda_i| < 1 \implies \text{vanishing}, \quad \rho(W_{aa}) > 1 \implies \text{exploding}")]
    [InlineData(@"g \leftarrow g \cdot \frac{c}{\|g\|} \quad \text{if } \|g\| > c")]
    [InlineData(@"\begin{aligned} dz^{\langle t \rangle} &= da^{\langle t \rangle} \odot \left(1 - \tanh^2 z^{\langle t \rangle}\right) \\ dW_{aa} &= \sum_t dz^{\langle t \rangle} \, {a^{\langle t-1 \rangle}}^{\top} \end{aligned}")]
    [InlineData(@"\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{n_y} e^{z_j}}, \qquad \sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \theta^{*} = \arg\max_{\theta} \log p(y \mid x; \theta)")]
    public void The_lecture_notes_equations_convert(string tex)
    {
        var conversion = TexToMathMl.Convert(tex, display: true);

        Assert.Null(conversion.Error);
        Assert.StartsWith("<math display=\"block\">", conversion.Html);
    }

    [Fact]
    public void Inline_math_is_a_math_element_with_the_TeX_as_annotation()
    {
        var conversion = TexToMathMl.Convert("x < 1", display: false);

        Assert.Null(conversion.Error);
        Assert.Equal(
            "<math><semantics><mrow><mi>x</mi><mo>&lt;</mo><mn>1</mn></mrow><annotation encoding=\"application/x-tex\">x &lt; 1</annotation></semantics></math>",
            conversion.Html);
    }

    [Fact]
    public void Display_math_is_a_block()
    {
        Assert.Equal(
            "<math display=\"block\"><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>",
            TexToMathMl.Convert("x", display: true).Html);
    }
}
