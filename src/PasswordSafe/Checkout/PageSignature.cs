using System;
using System.Collections.Generic;

namespace PasswordSafe.Checkout;

/// <summary>
/// What tells one limit/offset page from the next: its size and the keys of its first and last items. A server that
/// ignores offset answers the same page for every offset; reading on would write the same items again for ever (or up to
/// the total), so the listing compares each page with the one before (<see cref="PageEnd.Repeats"/>).
/// </summary>
internal sealed class PageSignature
{
    private PageSignature(int count, string first, string last)
    {
        Count = count;
        First = first;
        Last = last;
    }

    public int Count { get; }

    public string First { get; }

    public string Last { get; }

    /// <summary>Null for an empty page: it ends a listing anyway.</summary>
    public static PageSignature? Of<T>(IReadOnlyList<T> items, Func<T, string> key) =>
        items.Count == 0 ? null : new PageSignature(items.Count, key(items[0]), key(items[items.Count - 1]));

    public bool SameAs(PageSignature? other) =>
        other != null && other.Count == Count && string.Equals(other.First, First, StringComparison.Ordinal)
        && string.Equals(other.Last, Last, StringComparison.Ordinal);
}
