namespace RnnNotebooks.Exercises;

/// <summary>What a grader found: whether the reader's function is right, and a one-line message saying what is wrong
/// (the entry, the shape, the time step) or what was checked.</summary>
/// <param name="Exercise">The exercise's id, e.g. "cell-step".</param>
/// <param name="Passed">True when every case agreed with the library (and with central differences for a gradient).</param>
/// <param name="Message">One line: what was checked, or the first thing found wrong.</param>
public sealed record Verdict(string Exercise, bool Passed, string Message)
{
    /// <summary>A verdict for a function whose body still throws <see cref="NotImplementedException"/>.</summary>
    public static Verdict NotWrittenYet(string exercise) =>
        new(exercise, false, "not written yet: the body still throws NotImplementedException. Write it, run its cell, then this one.");

    /// <summary>The line a notebook shows: "✔ exercise id: message" or "✘ exercise id: message".</summary>
    public override string ToString() => $"{(Passed ? "✔" : "✘")} exercise {Exercise}: {Message}";
}
