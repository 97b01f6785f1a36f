using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// The completion lists' cache: per key, two minutes; a failure offers nothing and is not asked again for 30 seconds; a
/// timeout is not kept as "no names"; a paged list reads on from where the last Tab stopped and offers what it read.
/// </summary>
public class CompletionCacheTests
{
    [Fact]
    public void List_IsKeptForTwoMinutes_PerKey_KeysIgnoreCase()
    {
        var now = DateTimeOffset.UtcNow;
        var fetches = new List<string>();
        var cache = new CompletionCache(() => now);
        Func<System.Threading.CancellationToken, Task<IReadOnlyList<string>>> Fetch(string key) => _ =>
        {
            fetches.Add(key);
            return Task.FromResult<IReadOnlyList<string>>(new[] { key + "-1" });
        };

        Assert.Equal(new[] { "a-1" }, cache.Get("a", Fetch("a")));
        Assert.Equal(new[] { "a-1" }, cache.Get("A", Fetch("a")));
        Assert.Equal(new[] { "b-1" }, cache.Get("b", Fetch("b")));
        now += CompletionCache.Lifetime - TimeSpan.FromSeconds(1);
        cache.Get("a", Fetch("a"));
        Assert.Equal(new[] { "a", "b" }, fetches);

        now += TimeSpan.FromSeconds(2);
        cache.Get("a", Fetch("a"));
        Assert.Equal(new[] { "a", "b", "a" }, fetches);
    }

    [Fact]
    public void FailingFetch_OffersNothing_NeverThrows_AndIsAskedAgainOnlyAfterThirtySeconds()
    {
        var now = DateTimeOffset.UtcNow;
        var attempts = 0;
        var cache = new CompletionCache(() => now);
        Func<System.Threading.CancellationToken, Task<IReadOnlyList<string>>> refused = _ =>
        {
            attempts++;
            throw new InvalidOperationException("403");
        };

        Assert.Empty(cache.Get("roles", refused));
        Assert.Empty(cache.Get("roles", refused));
        Assert.Equal(1, attempts);

        now += CompletionCache.FailureLifetime + TimeSpan.FromSeconds(1);
        Assert.Empty(cache.Get("roles", refused));
        Assert.Equal(2, attempts);
        Assert.True(CompletionCache.FailureLifetime < CompletionCache.Lifetime);
    }

    [Fact]
    public void FaultedTask_IsAFailureToo()
    {
        var cache = new CompletionCache();

        Assert.Empty(cache.Get<string>("x", _ => Task.FromException<IReadOnlyList<string>>(new TimeoutException())));
    }

    [Fact]
    public void SlowFetch_OffersNothingNow_ButIsNotKeptAsNoNames_TheNextTabAsksAgain()
    {
        var attempts = 0;
        var cache = new CompletionCache(fetchTimeout: TimeSpan.FromMilliseconds(50));
        Func<CancellationToken, Task<IReadOnlyList<string>>> slowThenFast = async token =>
        {
            if (++attempts == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return new[] { "web01" };
        };

        Assert.Empty(cache.Get("systems", slowThenFast));
        Assert.Equal(new[] { "web01" }, cache.Get("systems", slowThenFast));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Paged_EachTabReadsOnFromWhereTheLastStopped_WithinTheBudget_OffersWhatWasRead()
    {
        var now = DateTimeOffset.UtcNow;
        var offsets = new List<long>();
        var cache = new CompletionCache(() => now, readBudget: TimeSpan.FromSeconds(2));
        // Five pages of two names; each page takes 1.5 s, so a Tab reads two (the second starts within the budget).
        Func<long, CancellationToken, Task<(IReadOnlyList<string> Items, bool IsLast)>> readPage = (offset, _) =>
        {
            offsets.Add(offset);
            now += TimeSpan.FromSeconds(1.5);
            IReadOnlyList<string> page = new[] { "n" + offset, "n" + (offset + 1) };
            return Task.FromResult((page, offset == 8));
        };

        Assert.Equal(new[] { "n0", "n1", "n2", "n3" }, cache.GetPaged("accounts:", readPage, 1000));
        Assert.Equal(new long[] { 0, 2 }, offsets);
        Assert.Equal(8, cache.GetPaged("accounts:", readPage, 1000).Count);
        Assert.Equal(10, cache.GetPaged("accounts:", readPage, 1000).Count);
        Assert.Equal(new long[] { 0, 2, 4, 6, 8 }, offsets);

        // Complete: kept for two minutes without another call, then read afresh.
        Assert.Equal(10, cache.GetPaged("ACCOUNTS:", readPage, 1000).Count);
        Assert.Equal(5, offsets.Count);
        now += CompletionCache.Lifetime;
        Assert.Equal(4, cache.GetPaged("accounts:", readPage, 1000).Count);
        Assert.Equal(0, offsets[5]);
    }

    [Fact]
    public void Paged_APageTooSlowToAnswer_KeepsWhatWasRead_AndTheNextTabAsksForThatPageAgain()
    {
        var offsets = new List<long>();
        var slow = true;
        var cache = new CompletionCache(fetchTimeout: TimeSpan.FromMilliseconds(100), readBudget: TimeSpan.FromMinutes(1));
        Func<long, CancellationToken, Task<(IReadOnlyList<string> Items, bool IsLast)>> readPage = async (offset, token) =>
        {
            offsets.Add(offset);
            if (offset == 1 && slow)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return (new[] { "n" + offset }, offset == 1);
        };

        Assert.Equal(new[] { "n0" }, cache.GetPaged("accounts:", readPage, 1000));
        slow = false;
        Assert.Equal(new[] { "n0", "n1" }, cache.GetPaged("accounts:", readPage, 1000));
        Assert.Equal(new long[] { 0, 1, 1 }, offsets);
    }

    [Fact]
    public void Paged_AFailingPage_KeepsWhatWasRead_AndIsAskedAgainOnlyAfterThirtySeconds()
    {
        var now = DateTimeOffset.UtcNow;
        var offsets = new List<long>();
        var cache = new CompletionCache(() => now);
        Func<long, CancellationToken, Task<(IReadOnlyList<string> Items, bool IsLast)>> readPage = (offset, _) =>
        {
            offsets.Add(offset);
            return offset == 0
                ? Task.FromResult<(IReadOnlyList<string>, bool)>((new[] { "n0" }, false))
                : Task.FromException<(IReadOnlyList<string>, bool)>(new InvalidOperationException("401"));
        };

        Assert.Equal(new[] { "n0" }, cache.GetPaged("accounts:", readPage, 1000));
        Assert.Equal(new[] { "n0" }, cache.GetPaged("accounts:", readPage, 1000));
        Assert.Equal(new long[] { 0, 1 }, offsets);
        now += CompletionCache.FailureLifetime + TimeSpan.FromSeconds(1);
        cache.GetPaged("accounts:", readPage, 1000);
        Assert.Equal(new long[] { 0, 1, 1 }, offsets);
    }

    [Fact]
    public void Paged_StopsReadingAtTheCap()
    {
        var offsets = new List<long>();
        var cache = new CompletionCache();
        Func<long, CancellationToken, Task<(IReadOnlyList<string> Items, bool IsLast)>> readPage = (offset, _) =>
        {
            offsets.Add(offset);
            return Task.FromResult<(IReadOnlyList<string>, bool)>((Enumerable.Range((int)offset, 10).Select(i => "n" + i).ToList(), false));
        };

        Assert.Equal(30, cache.GetPaged("accounts:", readPage, 25).Count);
        Assert.Equal(30, cache.GetPaged("accounts:", readPage, 25).Count);
        Assert.Equal(new long[] { 0, 10, 20 }, offsets);
    }
}
