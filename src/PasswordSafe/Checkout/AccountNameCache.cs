using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Checkout;

/// <summary>
/// System and account names for tab completion, fetched from the server and kept per session for a short
/// time, so pressing Tab repeatedly does not call the server each time. Never throws: completion that
/// fails offers nothing.
/// </summary>
internal sealed class AccountNameCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Completion must answer quickly; a slow server offers nothing rather than freezing the prompt.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Completion reads at most this many accounts per query; a longer list is narrowed by typing more.</summary>
    public const int MaxAccountsRead = 5000;

    private static readonly ConditionalWeakTable<PasswordSafeSession, AccountNameCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, AccountNameCache>();

    private readonly object _gate = new object();
    private readonly Dictionary<string, (IReadOnlyList<ManagedAccount> Accounts, DateTimeOffset FetchedAt)> _entries =
        new Dictionary<string, (IReadOnlyList<ManagedAccount> Accounts, DateTimeOffset FetchedAt)>(StringComparer.OrdinalIgnoreCase);
    private readonly Func<DateTimeOffset> _clock;
    private readonly Func<string?, CancellationToken, Task<IReadOnlyList<ManagedAccount>>> _fetch;

    internal AccountNameCache(Func<string?, CancellationToken, Task<IReadOnlyList<ManagedAccount>>> fetch, Func<DateTimeOffset>? clock = null)
    {
        _fetch = fetch;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public static AccountNameCache For(PasswordSafeSession session) =>
        s_bySession.GetValue(session, s => new AccountNameCache((systemName, token) => FetchAsync(s, systemName, token)));

    /// <summary>Distinct system names starting with the prefix, sorted.</summary>
    public IReadOnlyList<string> SystemNames(string prefix) =>
        Matching(Accounts(null).Select(a => a.SystemName), prefix);

    /// <summary>Distinct account names starting with the prefix, on one system when it is known.</summary>
    public IReadOnlyList<string> AccountNames(string? systemName, string prefix) =>
        Matching(Accounts(string.IsNullOrEmpty(systemName) ? null : systemName).Select(a => a.AccountName), prefix);

    private static IReadOnlyList<string> Matching(IEnumerable<string?> names, string prefix) =>
        names.Where(n => !string.IsNullOrEmpty(n) && n!.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(n => n!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private IReadOnlyList<ManagedAccount> Accounts(string? systemName)
    {
        var key = systemName ?? string.Empty;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var cached) && _clock() - cached.FetchedAt < Lifetime)
            {
                return cached.Accounts;
            }
        }

        IReadOnlyList<ManagedAccount> accounts;
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout);
            accounts = _fetch(systemName, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Completion is a convenience: a failure (offline, expired session, no permission) offers nothing.
            return new ManagedAccount[0];
        }

        lock (_gate)
        {
            _entries[key] = (accounts, _clock());
        }

        return accounts;
    }

    private static async Task<IReadOnlyList<ManagedAccount>> FetchAsync(PasswordSafeSession session, string? systemName, CancellationToken cancellationToken)
    {
        var accounts = new List<ManagedAccount>();
        await new CheckoutClient(session).ReadAccountPagesAsync(new ManagedAccountFilter { SystemName = systemName },
            page => { accounts.AddRange(page); return accounts.Count >= MaxAccountsRead; }, RequestLog.Discard, cancellationToken).ConfigureAwait(false);
        return accounts;
    }
}
