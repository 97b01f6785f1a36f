using System;

namespace PasswordSafe.Checkout;

/// <summary>
/// How many items a limit/offset listing holds, when its answers carry no total (a bare array, api-v3 §2.1).
/// Every page read narrows it: items at an offset prove at least that many, a short page gives the exact count, an
/// empty page an upper bound. <see cref="Count"/> finishes the job with as few extra calls as it can: one-item probes
/// find the end (doubling forward, halving back), then one page of at most <c>pageSize</c> reads the exact number.
/// </summary>
internal sealed class ListingTotal
{
    private readonly int _pageSize;

    public ListingTotal(int pageSize) => _pageSize = Math.Max(1, pageSize);

    /// <summary>The listing holds at least this many items.</summary>
    public long AtLeast { get; private set; }

    /// <summary>The listing holds at most this many items; null while nothing has shown where it ends.</summary>
    public long? AtMost { get; private set; }

    public bool IsKnown => AtMost == AtLeast;

    /// <summary>A page asked at <paramref name="offset"/> for <paramref name="limit"/> items returned <paramref name="returned"/>.</summary>
    public void Observe(long offset, int limit, int returned)
    {
        if (returned > 0)
        {
            AtLeast = Math.Max(AtLeast, offset + returned);
        }

        if (PageEnd.IsLast(returned, limit))
        {
            // A short (or empty) page is the end: nothing lies at or beyond offset + returned (a round one may be a cap).
            var end = offset + returned;
            AtMost = AtMost.HasValue ? Math.Min(AtMost.Value, end) : end;
            AtLeast = Math.Min(AtLeast, AtMost.Value);
        }
    }

    /// <summary>Reads beyond this many mean the answers contradict each other (the listing keeps changing).</summary>
    public const int MaxReads = 128;

    /// <summary>
    /// The exact total, reading what is still unknown through <paramref name="readPage"/> (offset, limit → items
    /// returned); null when the answers never settle it. Pages already observed are not read again.
    /// </summary>
    public long? Count(Func<long, int, int> readPage)
    {
        var step = (long)_pageSize;
        for (var reads = 0; !IsKnown; reads++)
        {
            if (reads == MaxReads)
            {
                return null;
            }

            long offset;
            int limit;
            if (AtMost.HasValue && AtMost.Value - AtLeast <= _pageSize)
            {
                // The end lies within one page: read it whole, which gives the count.
                offset = AtLeast;
                limit = (int)(AtMost.Value - AtLeast);
            }
            else if (AtMost.HasValue)
            {
                // Is there an item halfway between what is known to exist and the bound?
                offset = AtLeast + (AtMost.Value - AtLeast) / 2;
                limit = 1;
            }
            else
            {
                // No end seen yet: look further ahead each time.
                if (AtLeast > long.MaxValue - step)
                {
                    return null;
                }

                offset = AtLeast + step - 1;
                step = step > long.MaxValue / 4 ? step : step * 2;
                limit = 1;
            }

            Observe(offset, limit, readPage(offset, limit));
        }

        return AtLeast;
    }
}
