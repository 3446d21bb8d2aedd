namespace RnnNotebooks.Jupyter;

/// <summary>A message that is not a valid, correctly signed Jupyter message; the kernel logs and drops it.</summary>
/// <param name="problem">What is wrong, e.g. <c>the signature does not match the connection file's key</c>.</param>
internal sealed class InvalidMessageException(string problem) : Exception(problem);
