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

/// <summary>Alias names for listed requests (which carry only AliasID): one read at most, kept two minutes, never failing the listing.</summary>
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

        await cache.NameAsync(listing, fetch, RequestLog.Discard, CancellationToken.None);
        await cache.NameAsync(new[] { Through(3) }, fetch, RequestLog.Discard, CancellationToken.None);
        now += AliasNameCache.Lifetime + TimeSpan.FromSeconds(1);
        await cache.NameAsync(new[] { Through(3) }, fetch, RequestLog.Discard, CancellationToken.None);

        Assert.Equal(new[] { "runbook-pair", null, "db-sa", "runbook-pair" }, listing.Select(r => r.AliasName));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task NoAliasRequest_OrAllNamedAlready_ReadsNothing()
    {
        var reads = 0;
        var cache = new AliasNameCache();

        await cache.NameAsync(new[] { Through(null), Through(2, "known") }, Aliases(() => reads++), RequestLog.Discard, CancellationToken.None);

        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task AnAliasNotInTheCache_IsReadAgain_EvenWhileTheOthersAreFresh()
    {
        var reads = 0;
        var cache = new AliasNameCache();
        await cache.NameAsync(new[] { Through(1) }, Aliases(() => reads++, (1, "one")), RequestLog.Discard, CancellationToken.None);

        var later = new[] { Through(1), Through(7) };
        await cache.NameAsync(later, Aliases(() => reads++, (1, "one"), (7, "seven")), RequestLog.Discard, CancellationToken.None);

        Assert.Equal(new[] { "one", "seven" }, later.Select(r => r.AliasName));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task AFailedRead_LeavesTheNamesEmpty_SaysSoInVerbose_AndIsNotKept()
    {
        var cache = new AliasNameCache();
        var log = new RequestLog(verboseEnabled: true, debugEnabled: false);
        var listing = new[] { Through(1) };

        await cache.NameAsync(listing, _ => throw new PasswordSafeException(ErrorIds.PermissionDenied, "You may not read alias.", "ask"), log, CancellationToken.None);
        await cache.NameAsync(listing, Aliases(() => { }, (1, "one")), RequestLog.Discard, CancellationToken.None);

        Assert.Contains(log.Drain(), line => line.Value.Contains("AliasName stays empty", StringComparison.Ordinal));
        Assert.Equal("one", listing[0].AliasName);
    }
}
