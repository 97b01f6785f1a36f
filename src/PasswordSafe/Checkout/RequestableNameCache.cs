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
/// time (<see cref="CompletionCache"/>), so pressing Tab repeatedly does not call the server each time. The account
/// list is read in large pages, a few per Tab (<see cref="CompletionCache.GetPaged{T}"/>): a big server's names beyond
/// what was read so far are offered after another Tab, and a slow server's first pages are offered rather than
/// nothing. Never throws: completion that fails offers what it has (or nothing).
/// </summary>
internal sealed class RequestableNameCache
{
    public static readonly TimeSpan Lifetime = CompletionCache.Lifetime;

    /// <summary>Accounts asked for per call: few round trips, each page still quick to read (about 4 MB).</summary>
    public const int AccountPageSize = 10000;

    /// <summary>Completion holds at most this many accounts per list (memory per session), however many Tabs read on.</summary>
    public const int MaxAccountsRead = 250000;

    private static readonly ConditionalWeakTable<PasswordSafeSession, RequestableNameCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, RequestableNameCache>();

    // Accounts (only the names completion offers) under "accounts:" and the exact system name they were asked for
    // ("" = all systems, also narrowed here for a system pattern); the aliases under "aliases".
    private readonly CompletionCache _lists;
    private readonly Func<string?, long, int, CancellationToken, Task<ManagedAccountPage>> _readAccountPage;
    private readonly Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> _fetchAliases;

    /// <param name="readAccountPage">One page of the accounts (on a system, when named): offset, limit.</param>
    internal RequestableNameCache(Func<string?, long, int, CancellationToken, Task<ManagedAccountPage>> readAccountPage, CompletionCache lists,
        Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>>? fetchAliases = null)
    {
        _readAccountPage = readAccountPage;
        _fetchAliases = fetchAliases ?? (_ => Task.FromResult<IReadOnlyList<ManagedAccountAlias>>(new ManagedAccountAlias[0]));
        _lists = lists;
    }

    /// <summary>For tests: a server whose whole account list is one page.</summary>
    internal RequestableNameCache(Func<string?, CancellationToken, Task<IReadOnlyList<ManagedAccount>>> fetchAccounts, Func<DateTimeOffset>? clock = null,
        Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>>? fetchAliases = null)
        : this(async (systemName, offset, _, token) => new ManagedAccountPage(offset == 0 ? await fetchAccounts(systemName, token).ConfigureAwait(false) : new ManagedAccount[0], null, isLast: true),
            new CompletionCache(clock), fetchAliases)
    {
    }

    public static RequestableNameCache For(PasswordSafeSession session) =>
        s_bySession.GetValue(session, s => new RequestableNameCache(
            (systemName, offset, limit, token) => new CheckoutClient(s).GetAccountPageAsync(new ManagedAccountFilter { SystemName = systemName }, offset, limit, RequestLog.Discard, token),
            new CompletionCache(),
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
        var names = Accounts(systemName).Select(a => byUpn ? a.UserPrincipalName : a.RequestableName);
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

    /// <summary>
    /// The accounts read so far (reading on, <see cref="CompletionCache.GetPaged{T}"/>): on one system when it is named
    /// exactly (the server narrows the list), else of every system, narrowed here to a system pattern, so every pattern
    /// shares one list instead of each reading all pages again.
    /// </summary>
    private IEnumerable<(string? SystemName, string? RequestableName, string? UserPrincipalName)> Accounts(string? systemName)
    {
        var system = NameWildcard.From(systemName);
        var exact = system != null && !system.HasWildcards ? system.Text : null;
        var accounts = _lists.GetPaged<(string? SystemName, string? RequestableName, string? UserPrincipalName)>("accounts:" + exact, async (offset, token) =>
        {
            var page = await _readAccountPage(exact, offset, AccountPageSize, token).ConfigureAwait(false);
            // Only the names are kept: a big server's list is long.
            return (page.Accounts.Select(a => (a.SystemName, RequestableName(a), a.UserPrincipalName)).ToList(), page.IsLast);
        }, MaxAccountsRead);
        return system != null && system.HasWildcards ? accounts.Where(a => system.IsMatch(a.SystemName)) : accounts;
    }
}
