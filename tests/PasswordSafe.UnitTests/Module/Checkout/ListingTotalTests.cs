using System;
using System.Collections.Generic;
using PasswordSafe.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// Counting a limit/offset listing that sends no total (Get-PSManagedAccount -IncludeTotalCount, api-v3 §2.1): exact
/// from the pages read when they reached the end, else found with few small reads, never by reading everything.
/// </summary>
public class ListingTotalTests
{
    /// <summary>A listing of <paramref name="items"/> items, recording every read (offset, limit).</summary>
    private static Func<long, int, int> Listing(long items, List<(long Offset, int Limit)> reads) => (offset, limit) =>
    {
        reads.Add((offset, limit));
        return (int)Math.Max(0, Math.Min(limit, items - offset));
    };

    [Fact]
    public void ShortPage_IsTheEnd_NoFurtherRead()
    {
        var total = new ListingTotal(1000);
        total.Observe(0, 1000, 5);

        Assert.True(total.IsKnown);
        Assert.Equal(5, total.Count((_, _) => throw new InvalidOperationException("nothing left to read")));
    }

    [Theory]
    [InlineData(250, 100)]   // a server that serves at most 100 per page, 250 items
    [InlineData(2000, 1000)] // at most 1000 (psPAS #507), and the total a multiple of it
    [InlineData(300, 100)]
    public void AServerThatCapsItsPages_ARoundShortPageIsNotTheEnd_TheCountIsStillExact(long items, int cap)
    {
        var reads = new List<(long, int)>();
        var total = new ListingTotal(5000);
        total.Observe(0, 5000, cap);

        var counted = total.Count((offset, limit) =>
        {
            reads.Add((offset, limit));
            return (int)Math.Max(0, Math.Min(Math.Min(limit, cap), items - offset));
        });

        Assert.Equal(items, counted);
    }

    [Theory]
    [InlineData(437, 1000, true)]
    [InlineData(0, 1000, true)]
    [InlineData(1000, 5000, false)] // may be the server's cap: read on
    [InlineData(100, 1000, false)]
    [InlineData(1000, 1000, false)] // a full page
    [InlineData(99, 100, true)]
    public void PageEnd_AShortPageEndsTheListing_UnlessItsSizeIsRound(int returned, int asked, bool last) =>
        Assert.Equal(last, PageEnd.IsLast(returned, asked));

    [Fact]
    public void PagesThatDivideTheTotal_EndWithAnEmptyPage_ThatIsTheEnd()
    {
        var total = new ListingTotal(5);
        total.Observe(0, 5, 5);
        total.Observe(5, 5, 0);

        Assert.Equal(5, total.Count((_, _) => throw new InvalidOperationException("nothing left to read")));
    }

    [Theory]
    [InlineData(5, 10)]      // -Skip 10 over 5 accounts: the first page is empty
    [InlineData(2506, 99999)] // -Skip far past the end of a large listing
    [InlineData(0, 3)]
    [InlineData(1000, 1000)]  // the skip lands exactly on the end
    [InlineData(1001, 5000)]
    public void SkipPastTheEnd_CountsBackWithFewReads(long items, long skip)
    {
        var reads = new List<(long, int)>();
        var total = new ListingTotal(1000);
        total.Observe(skip, 1000, 0);

        var counted = total.Count(Listing(items, reads));

        Assert.Equal(items, counted);
        // Halving from the skip down to within one page, then that page: logarithmic, not a read of everything.
        Assert.True(reads.Count <= 2 + (int)Math.Ceiling(Math.Log2(Math.Max(2, skip))), $"{reads.Count} reads");
        Assert.All(reads, r => Assert.True(r.Item2 <= 1000));
    }

    [Theory]
    [InlineData(2506, 5)]   // -First 5 of a large listing
    [InlineData(25, 10)]
    [InlineData(11, 10)]
    [InlineData(10, 10)]    // -First took exactly everything: one read shows nothing follows
    [InlineData(1_000_000, 1)]
    public void FirstStoppedEarly_CountsForwardWithFewReads(long items, int first)
    {
        var reads = new List<(long, int)>();
        var total = new ListingTotal(1000);
        total.Observe(0, first, first);

        var counted = total.Count(Listing(items, reads));

        Assert.Equal(items, counted);
        Assert.True(reads.Count <= 3 + 2 * (int)Math.Ceiling(Math.Log2(Math.Max(2, items / 1000.0 + 1))), $"{reads.Count} reads");
        Assert.All(reads, r => Assert.True(r.Item2 <= 1000));
    }

    [Fact]
    public void NothingRead_CountsFromTheStart()
    {
        var reads = new List<(long, int)>();

        Assert.Equal(7, new ListingTotal(1000).Count(Listing(7, reads)));
    }

    [Fact]
    public void AnswersThatNeverSettle_AreUnknown_NotALoopOrAnOverflow()
    {
        // A server that answers one item at every offset (like the one-object answer would) has no end to find.
        var reads = 0;

        var counted = new ListingTotal(1000).Count((_, _) => { reads++; return 1; });

        Assert.Null(counted);
        Assert.True(reads <= ListingTotal.MaxReads);
    }
}
