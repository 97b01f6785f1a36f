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
}
