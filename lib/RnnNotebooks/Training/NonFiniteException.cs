namespace RnnNotebooks;

/// <summary>
/// Thrown when a NaN or an infinity appears where a finite number is required: an input, a hidden
/// state a&lt;t&gt;, a loss, or a gradient. The message names the quantity and, where there is one, the
/// time step (1-based, as in the note: t = 1 is x&lt;1&gt;).
/// </summary>
public sealed class NonFiniteException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="quantity">What was not finite, e.g. "loss" or "a&lt;t&gt;".</param>
    /// <param name="timeStep">The 1-based time step, or null when the quantity is not per step.</param>
    /// <param name="message">The full message.</param>
    public NonFiniteException(string quantity, int? timeStep, string message)
        : base(message)
    {
        Quantity = quantity;
        TimeStep = timeStep;
    }

    /// <summary>The quantity that was not finite.</summary>
    public string Quantity { get; }

    /// <summary>The 1-based time step at which it happened, if any.</summary>
    public int? TimeStep { get; }
}
