namespace RnnNotebooks.Exercises;

/// <summary>Calls the reader's function: a <see cref="NotImplementedException"/> passes through (not written yet),
/// any other exception becomes a <see cref="ReaderFailure"/> that names the case.</summary>
internal static class Attempt
{
    /// <summary>The result of <paramref name="call"/>.</summary>
    /// <param name="call">The reader's function applied to one case's inputs (copies: it may change them).</param>
    /// <param name="where">The case, for the message.</param>
    public static T Call<T>(Func<T> call, string where)
    {
        try
        {
            return call();
        }
        catch (NotImplementedException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new ReaderFailure($"your function threw {e.GetType().Name}: {e.Message} ({where}).");
        }
    }
}
