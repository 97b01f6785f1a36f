using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// Alias names for listed requests (which carry only AliasID): one read at most, kept two minutes, never failing the
/// listing; a failed read is kept as long, so a caller who may not list aliases is refused once per lifetime, not per listing.
/// </summary>
public class AliasNameCacheTests
{
    private static Request Through(int? aliasId, string? name = null) => new Request { AliasId = aliasId, AliasName = name };

    private static Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> Aliases(Action counted, params (int Id, string Name)[] aliases) => _ =>
    {
        counted();
        return Task.FromResult<IReadOnlyList<ManagedAccountAlias>>(aliases.Select(a => new ManagedAccountAlias { AliasId = a.Id, AliasName = a.Name }).ToArray());
    };

    [Fact]
    public async Task NamesTheAliasRequests_WithOneRead_AndKeepsTheNamesTwoMinutes()
    {
        var now = DateTimeOffset.UtcNow;
        var reads = 0;
        var cache = new AliasNameCache(() => now);
        var fetch = Aliases(() => reads++, (1, "runbook-pair"), (3, "db-sa"));
        var listing = new[] { Through(1), Through(null), Through(3), Through(1) };

        await cache.NameAsync(listing, fetch, RequestLog.Discard, new OnceFlag(), CancellationToken.None);
        await cache.NameAsync(new[] { Through(3) }, fetch, RequestLog.Discard, new OnceFlag(), CancellationToken.None);
        now += AliasNameCache.Lifetime + TimeSpan.FromSeconds(1);
        await cache.NameAsync(new[] { Through(3) }, fetch, RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        Assert.Equal(new[] { "runbook-pair", null, "db-sa", "runbook-pair" }, listing.Select(r => r.AliasName));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task NoAliasRequest_OrAllNamedAlready_ReadsNothing()
    {
        var reads = 0;
        var cache = new AliasNameCache();

        await cache.NameAsync(new[] { Through(null), Through(2, "known") }, Aliases(() => reads++), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task AnAliasNotInTheCache_IsReadAgain_EvenWhileTheOthersAreFresh()
    {
        var reads = 0;
        var cache = new AliasNameCache();
        await cache.NameAsync(new[] { Through(1) }, Aliases(() => reads++, (1, "one")), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        var later = new[] { Through(1), Through(7) };
        await cache.NameAsync(later, Aliases(() => reads++, (1, "one"), (7, "seven")), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        Assert.Equal(new[] { "one", "seven" }, later.Select(r => r.AliasName));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task AFailedRead_LeavesTheNamesEmpty_AndIsKeptForTheLifetime_ThenReadAgain()
    {
        var now = DateTimeOffset.UtcNow;
        var reads = 0;
        var cache = new AliasNameCache(() => now);
        var refused = Refused(() => reads++);
        var first = new[] { Through(1) };
        var polled = new[] { Through(1), Through(7) };

        await cache.NameAsync(first, refused, RequestLog.Discard, new OnceFlag(), CancellationToken.None);
        now += AliasNameCache.Lifetime - TimeSpan.FromSeconds(1);
        await cache.NameAsync(polled, refused, RequestLog.Discard, new OnceFlag(), CancellationToken.None);
        var readsWithinTheLifetime = reads;
        now += TimeSpan.FromSeconds(2);
        var later = new[] { Through(1) };
        await cache.NameAsync(later, Aliases(() => reads++, (1, "one")), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        Assert.Equal(1, readsWithinTheLifetime); // another alias id does not make the refused read worth trying again
        Assert.Null(first[0].AliasName);
        Assert.All(polled, r => Assert.Null(r.AliasName));
        Assert.Equal("one", later[0].AliasName);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task AFailedRead_NamesKeptFromAnEarlierRead_StillNameTheirRequests()
    {
        var now = DateTimeOffset.UtcNow;
        var cache = new AliasNameCache(() => now);
        await cache.NameAsync(new[] { Through(1) }, Aliases(() => { }, (1, "one")), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        var listing = new[] { Through(1), Through(7) };
        await cache.NameAsync(listing, Refused(() => { }), RequestLog.Discard, new OnceFlag(), CancellationToken.None);

        Assert.Equal(new[] { "one", null }, listing.Select(r => r.AliasName));
    }

    [Fact]
    public async Task Verbose_SaysOncePerInvocation_WhyAliasNameStaysEmpty_FromTheReadOrFromTheKeptFailure()
    {
        var now = DateTimeOffset.UtcNow;
        var cache = new AliasNameCache(() => now);
        var refused = Refused(() => { });
        var firstInvocation = new OnceFlag();
        var secondInvocation = new OnceFlag();
        var log = new RequestLog(verboseEnabled: true, debugEnabled: false);

        await cache.NameAsync(new[] { Through(1) }, refused, log, firstInvocation, CancellationToken.None);
        await cache.NameAsync(new[] { Through(2) }, refused, log, firstInvocation, CancellationToken.None);
        var first = log.Drain();
        now += TimeSpan.FromSeconds(30);
        await cache.NameAsync(new[] { Through(1) }, refused, log, secondInvocation, CancellationToken.None);
        await cache.NameAsync(new[] { Through(1) }, refused, log, secondInvocation, CancellationToken.None);
        var second = log.Drain();

        var said = Assert.Single(first).Value;
        Assert.Contains("AliasName stays empty", said, StringComparison.Ordinal);
        Assert.Contains("You may not list aliases (4032).", said, StringComparison.Ordinal);
        Assert.Contains("not read again for 120 s", said, StringComparison.Ordinal);
        var kept = Assert.Single(second).Value;
        Assert.Contains("AliasName stays empty", kept, StringComparison.Ordinal);
        Assert.Contains("You may not list aliases (4032).", kept, StringComparison.Ordinal);
        Assert.Contains("not read again for 90 s", kept, StringComparison.Ordinal);
    }

    private static Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> Refused(Action counted) => _ =>
    {
        counted();
        throw new PasswordSafeException(ErrorIds.PermissionDenied, "You may not list aliases (4032).", "ask");
    };
}
