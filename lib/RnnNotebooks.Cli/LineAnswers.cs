namespace RnnNotebooks.Cli;

/// <summary>
/// How a loaded model answers <c>rnnbook predict</c>'s input: each line as it comes (<see cref="EachLine"/>), or every
/// line at once when the input has ended (<see cref="AllLines"/>: a model that reads its input as one document, such as
/// a NER tagger with document features). Exactly one of the two is set; either way one answer per line, in order.
/// </summary>
/// <param name="EachLine">One line in, its answer out; null when the model reads all lines together.</param>
/// <param name="AllLines">All lines in, one answer per line out; null when the model answers line by line.</param>
internal sealed record LineAnswers(Func<string, string>? EachLine, Func<IReadOnlyList<string>, IReadOnlyList<string>>? AllLines)
{
    /// <summary>A model that answers each line alone.</summary>
    public static LineAnswers PerLine(Func<string, string> answer) => new(answer, null);

    /// <summary>A model that reads all the lines before it answers any.</summary>
    public static LineAnswers Together(Func<IReadOnlyList<string>, IReadOnlyList<string>> answer) => new(null, answer);
}
