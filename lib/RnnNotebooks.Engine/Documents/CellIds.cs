using System.Text.RegularExpressions;

namespace RnnNotebooks.Engine.Documents;

/// <summary>nbformat 4.5 cell ids: kept when valid, otherwise made from the cell's position so reruns agree.</summary>
internal static partial class CellIds
{
    /// <summary>True when <paramref name="id"/> matches nbformat's <c>^[a-zA-Z0-9-_]{1,64}$</c>.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id given to the cell at 1-based <paramref name="number"/> when it has none.</summary>
    public static string ForPosition(int number) => $"cell-{number}";

    /// <summary>An id for cell <paramref name="number"/> not yet in <paramref name="taken"/>; adds it.</summary>
    public static string Unique(int number, HashSet<string> taken)
    {
        var id = ForPosition(number);
        for (int suffix = 2; !taken.Add(id); suffix++)
        {
            id = $"{ForPosition(number)}-{suffix}";
        }
        return id;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
