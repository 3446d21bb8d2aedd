namespace RnnNotebooks.Exercises;

/// <summary>The reader's function threw something other than <see cref="NotImplementedException"/>: the grader reports it.</summary>
internal sealed class ReaderFailure(string message) : Exception(message);
