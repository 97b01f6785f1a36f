using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>The completion lists' cache: per key, two minutes; a failure offers nothing and is not asked again for 30 seconds.</summary>
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
}
