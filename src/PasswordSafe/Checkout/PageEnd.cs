namespace PasswordSafe.Checkout;

/// <summary>
/// When a limit/offset page ends a listing. A page shorter than asked is the end, unless it may be the server's own cap:
/// servers that serve at most a round number of items per page whatever <c>limit</c> asks exist (psPAS #507: 1000), and
/// taking such a page for the last would cut the listing short without a word. A short page of a round size is
/// therefore read past; the next one, empty or shorter, ends it (one extra call when a real last page is round).
/// </summary>
internal static class PageEnd
{
    /// <summary>Caps are round numbers: 100, 500, 1000, 2000 ...</summary>
    public const int CapStep = 100;

    public static bool MayBeServerCap(int returned, int asked) => returned > 0 && returned < asked && returned % CapStep == 0;

    public static bool IsLast(int returned, int asked) => returned < asked && !MayBeServerCap(returned, asked);

    /// <summary>
    /// More items than <c>limit</c> asked for: the server ignores paging and answered what it has (all of it, or its own
    /// cap) whatever the offset. Reading on would page past it for ever, answered the same items each time; the listing
    /// ends with this answer and says so.
    /// </summary>
    public static bool IgnoresLimit(int returned, int asked) => asked > 0 && returned > asked;

    /// <summary>The same page as the one before (see <see cref="PageSignature"/>): the server ignores offset.</summary>
    public static bool Repeats(PageSignature? page, PageSignature? before) => page != null && page.SameAs(before);

    /// <summary>The warning for a listing ended by <see cref="IgnoresLimit"/>: what was written, and that more may exist.</summary>
    public static string IgnoredLimitWarning(string call, string noun, int returned, int asked) =>
        $"{call} answered {returned} {noun} where {asked} were asked for: the server ignores paging (limit and offset), so the listing "
        + $"ends with that answer. If the server caps its answers, {noun} beyond them are not listed: narrow the listing with a filter.";

    /// <summary>The error message for a listing ended by <see cref="Repeats"/>.</summary>
    public static string RepeatedPageMessage(string call, string noun, long offset, long written) =>
        $"{call} answered the same {noun} for offset {offset} as for the page before: the server ignores offset, so the listing "
        + $"ends after {written} {noun}, and more may exist that it does not list.";
}
