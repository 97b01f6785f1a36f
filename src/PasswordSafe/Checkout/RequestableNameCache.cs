using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// System, account and alias names for tab completion, fetched from the server and kept per session for a short
/// time (<see cref="CompletionCache"/>), so pressing Tab repeatedly does not call the server each time. Never throws:
/// completion that fails offers nothing.
/// </summary>
internal sealed class RequestableNameCache
{
    public static readonly TimeSpan Lifetime = CompletionCache.Lifetime;

    /// <summary>Completion reads at most this many accounts per query; a longer list is narrowed by typing more.</summary>
    public const int MaxAccountsRead = 5000;

    private static readonly ConditionalWeakTable<PasswordSafeSession, RequestableNameCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, RequestableNameCache>();

    // Accounts under "accounts:" and the system name they were asked for ("" = all systems); the aliases under "aliases".
    private readonly CompletionCache _lists;
    private readonly Func<string?, CancellationToken, Task<IReadOnlyList<ManagedAccount>>> _fetchAccounts;
    private readonly Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> _fetchAliases;

    internal RequestableNameCache(Func<string?, CancellationToken, Task<IReadOnlyList<ManagedAccount>>> fetchAccounts, Func<DateTimeOffset>? clock = null,
        Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>>? fetchAliases = null)
    {
        _fetchAccounts = fetchAccounts;
        _fetchAliases = fetchAliases ?? (_ => Task.FromResult<IReadOnlyList<ManagedAccountAlias>>(new ManagedAccountAlias[0]));
        _lists = new CompletionCache(clock);
    }

    public static RequestableNameCache For(PasswordSafeSession session) =>
        s_bySession.GetValue(session, s => new RequestableNameCache((systemName, token) => FetchAccountsAsync(s, systemName, token), null,
            token => new CheckoutClient(s).GetAliasesAsync(null, RequestLog.Discard, token)));

    /// <summary>Distinct system names starting with the prefix (taken literally, <see cref="TypedPrefix"/>), sorted.</summary>
    public IReadOnlyList<string> SystemNames(string prefix) =>
        Matching(Accounts(null).Select(a => a.SystemName), prefix);

    /// <summary>
    /// Distinct account names as -AccountName takes them, on one system when it is known: <c>DOMAIN\name</c> for an
    /// account with a domain (a directory account is never found by its bare name, api-v3 §2.1), the UPN once the typed
    /// text has an <c>@</c>, else the name. What was typed may start either the offered form or the bare name.
    /// </summary>
    public IReadOnlyList<string> AccountNames(string? systemName, string prefix)
    {
        prefix ??= string.Empty;
        var byUpn = prefix.IndexOf('@') >= 0;
        var names = Accounts(string.IsNullOrEmpty(systemName) ? null : systemName).Select(a => byUpn ? a.UserPrincipalName : RequestableName(a));
        return Matching(names, string.Empty)
            .Where(n => StartsWith(n, prefix) || StartsWith(BareName(n), prefix))
            .ToList();
    }

    /// <summary>The name -AccountName finds this account by: <c>DOMAIN\name</c> when it has a domain, else its name.</summary>
    public static string? RequestableName(ManagedAccount account)
    {
        var name = account.AccountName;
        if (string.IsNullOrEmpty(name) || name!.IndexOf('\\') >= 0 || name.IndexOf('@') >= 0 || string.IsNullOrEmpty(account.DomainName))
        {
            return name;
        }

        return account.DomainName + "\\" + name;
    }

    private static string BareName(string name) => name.Substring(name.IndexOf('\\') + 1);

    private static bool StartsWith(string? name, string prefix) => TypedPrefix.Starts(name, prefix);

    /// <summary>
    /// Names of the aliases starting with the prefix, sorted: only those that can be requested (mapped, state 1 or 2),
    /// unless <paramref name="unmappedToo"/> (for listing them).
    /// </summary>
    public IReadOnlyList<string> AliasNames(string prefix, bool unmappedToo = false) =>
        Matching(_lists.Get("aliases", _fetchAliases).Where(a => unmappedToo || a.IsRequestable).Select(a => a.AliasName), prefix);

    private static IReadOnlyList<string> Matching(IEnumerable<string?> names, string prefix) =>
        names.Where(n => !string.IsNullOrEmpty(n) && TypedPrefix.Starts(n, prefix))
            .Select(n => n!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private IReadOnlyList<ManagedAccount> Accounts(string? systemName) =>
        _lists.Get("accounts:" + systemName, token => _fetchAccounts(systemName, token));

    private static async Task<IReadOnlyList<ManagedAccount>> FetchAccountsAsync(PasswordSafeSession session, string? systemName, CancellationToken cancellationToken)
    {
        var accounts = new List<ManagedAccount>();
        await new CheckoutClient(session).ReadAccountPagesAsync(new ManagedAccountFilter { SystemName = systemName },
            page => { accounts.AddRange(page); return accounts.Count >= MaxAccountsRead; }, RequestLog.Discard, cancellationToken).ConfigureAwait(false);
        return accounts;
    }
}
