using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book.Tests;

/// <summary>TeX the converter cannot draw fails loudly: a visible error in the page with the TeX and the reason, and a <see cref="TexError"/> naming the command.</summary>
public sealed class TexErrorTests
{
    private static TexError ErrorOf(string tex) =>
        TexToMathMl.Convert(tex, display: false).Error ?? throw new Xunit.Sdk.XunitException($"'{tex}' converted without an error");

    [Theory]
    [InlineData("a + \\foo{x}", "\\foo", 4, "unknown command \\foo")]
    [InlineData("\\frac{a}{b", "{", 8, "unbalanced braces: this { is never closed")]
    [InlineData("a}", "}", 1, "unbalanced braces: this } closes no {")]
    [InlineData("\\left( x", "\\left", 0, "\\left( is never closed by \\right")]
    [InlineData("x \\right)", "\\right", 2, "\\right without a matching \\left")]
    [InlineData("x \\middle| y", "\\middle", 2, "\\middle outside \\left ... \\right")]
    [InlineData("x^1^2", "^", 3, "double superscript: group it, e.g. x^{a b}")]
    [InlineData("x_1_2", "_", 3, "double subscript: group it, e.g. x_{a b}")]
    [InlineData("x^2'", "'", 3, "a prime after a superscript: write x'^{2}, or x^{\\prime 2}")]
    [InlineData("x^", "^", 1, "^ has no superscript")]
    [InlineData("\\frac{a}", "\\frac", 0, "\\frac is missing an argument")]
    [InlineData("\\sqrt[3 x", "\\sqrt", 0, "the [ of \\sqrt is never closed by ]")]
    [InlineData("a & b", "&", 2, "& is only allowed between the cells of an environment (aligned, matrix, cases, ...)")]
    [InlineData("a \\\\ b", "\\\\", 2, "\\\\ (a new line) is only allowed between the rows of an environment (aligned, matrix, cases, ...)")]
    [InlineData("\\end{matrix}", "\\end", 0, "\\end without a matching \\begin")]
    [InlineData("\\begin{matrix} a \\end{bmatrix}", "\\end", 17, "\\begin{matrix} at character 1 is ended by \\end{bmatrix}")]
    [InlineData("\\begin{matrix} a", "\\begin", 0, "\\begin{matrix} is never closed by \\end{matrix}")]
    [InlineData("\\text{cost $x$}", "$", 11, "math inside \\text{...} is not supported")]
    [InlineData("\\text{a \\alpha}", "\\alpha", 8, "\\alpha is not supported inside \\text{...}")]
    [InlineData("\\text x", "\\text", 0, "\\text needs its text in braces: \\text{...}")]
    [InlineData("a \\over b", "\\over", 2, "\\over is not supported: write \\frac{a}{b}")]
    [InlineData("{\\bf x}", "\\bf", 1, "\\bf is not supported: write \\mathbf{...}")]
    [InlineData("\\left x \\right)", "x", 6, "\\left must be followed by a delimiter such as ( [ \\{ | \\| \\langle or ., not x")]
    [InlineData("x \\limits", "\\limits", 2, "\\limits must follow a big operator (\\sum, \\int) or a function such as \\max")]
    [InlineData("\\color{not a colour} x", "\\color", 0, "\\color{not a colour}: a colour is a name such as red, or #rgb, or #rrggbb")]
    [InlineData("a $ b", "$", 2, "$ inside a formula: its $ delimiters do not pair up (write \\$ for a dollar sign)")]
    [InlineData("x \\", "\\", 2, "a lone backslash ends the formula")]
    public void Unsupported_or_malformed_TeX_is_an_error_naming_the_command(string tex, string command, int position, string reason)
    {
        var error = ErrorOf(tex);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(command, error.Command);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void An_unknown_environment_lists_the_supported_ones()
    {
        var error = ErrorOf("\\begin{array}{cc} a & b \\end{array}");

        Assert.Equal("\\begin", error.Command);
        Assert.StartsWith("environment array is not supported (supported: matrix, pmatrix, bmatrix,", error.Reason);
        Assert.Contains("aligned", error.Reason);
        Assert.Contains("cases", error.Reason);
    }

    [Fact]
    public void The_error_shows_in_the_page_as_the_TeX_and_the_reason()
    {
        var conversion = TexToMathMl.Convert("a < \\foo", display: true);

        Assert.Equal(
            "<span class=\"math-error display\" role=\"alert\" title=\"unknown command \\foo (at character 5)\">"
            + "<code>$$a &lt; \\foo$$</code> <span class=\"reason\">TeX error: unknown command \\foo (at character 5)</span></span>",
            conversion.Html);
        Assert.DoesNotContain("<math", conversion.Html);
    }

    [Fact]
    public void Inline_errors_show_single_dollars()
    {
        Assert.Contains("<code>$\\foo$</code>", TexToMathMl.Convert("\\foo", display: false).Html);
        Assert.StartsWith("<span class=\"math-error\" ", TexToMathMl.Convert("\\foo", display: false).Html);
    }
}
