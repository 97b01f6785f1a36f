using System;
using System.Collections.Generic;
using System.Globalization;

namespace PasswordSafe.Checkout;

/// <summary>
/// The query filters of <c>GET ManagedAccounts</c> (api-v3 §2.1); null means "not filtered". A system or account name
/// with wildcards is not sent (the API takes exact names only): <see cref="Matches"/> applies it to each listed account.
/// </summary>
internal sealed class ManagedAccountFilter
{
    private NameWildcard? _systemName;
    private NameWildcard? _accountName;

    /// <summary>As typed: an exact name, or a wildcard pattern.</summary>
    public string? SystemName { get => _systemName?.Text; set => _systemName = NameWildcard.From(value); }

    /// <summary>As typed: an exact name, or a wildcard pattern matched against the name and the DOMAIN\name form.</summary>
    public string? AccountName { get => _accountName?.Text; set => _accountName = NameWildcard.From(value); }

    public int? SystemId { get; set; }

    public string? WorkgroupName { get; set; }

    /// <summary><c>system</c>, <c>recent</c>, <c>domainlinked</c>, <c>database</c>, <c>cloud</c> or <c>application</c>.</summary>
    public string? Type { get; set; }

    public string? IPAddress { get; set; }

    public string? ApplicationDisplayName { get; set; }

    /// <summary>
    /// With both names the server answers one object, or 404 when nothing matches (api-v3 §2.1),
    /// so such a query is one "page" and 404 means "no match".
    /// </summary>
    public bool IsExactLookup => _systemName?.Exact != null && _accountName?.Exact != null;

    /// <summary>A name has wildcards: the server's answer is a superset, narrowed by <see cref="Matches"/>.</summary>
    public bool HasWildcards => (_systemName?.HasWildcards ?? false) || (_accountName?.HasWildcards ?? false);

    /// <summary>Whether a listed account matches the names' wildcards (every account the server sent, when there are none).</summary>
    public bool Matches(ManagedAccount account) =>
        (_systemName == null || !_systemName.HasWildcards || _systemName.IsMatch(account.SystemName))
        && (_accountName == null || !_accountName.HasWildcards || _accountName.IsMatch(account.AccountName)
            || _accountName.IsMatch(RequestableNameCache.RequestableName(account)));

    /// <summary><c>ManagedAccounts?systemName=…&amp;limit=…&amp;offset=…</c>.</summary>
    public string ToRelativePath(long offset, int limit)
    {
        var query = new List<KeyValuePair<string, string>>();
        Add(query, "systemName", _systemName?.Exact);
        Add(query, "accountName", _accountName?.Exact);
        Add(query, "systemID", SystemId?.ToString(CultureInfo.InvariantCulture));
        Add(query, "workgroupName", WorkgroupName);
        // applicationDisplayName needs type=application (api-v3 §2.1); sending it implies the type.
        Add(query, "type", Type ?? (string.IsNullOrEmpty(ApplicationDisplayName) ? null : "application"));
        Add(query, "ipAddress", IPAddress);
        Add(query, "applicationDisplayName", ApplicationDisplayName);
        Add(query, "limit", limit.ToString(CultureInfo.InvariantCulture));
        Add(query, "offset", offset.ToString(CultureInfo.InvariantCulture));
        return QueryString.Append("ManagedAccounts", query);
    }

    /// <summary>Says what was asked for, for messages: <c>system 'db01', account 'sa'</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(SystemName)) parts.Add($"system '{SystemName}'");
        if (!string.IsNullOrEmpty(AccountName)) parts.Add($"account '{AccountName}'");
        if (SystemId.HasValue) parts.Add($"system id {SystemId.Value.ToString(CultureInfo.InvariantCulture)}");
        if (!string.IsNullOrEmpty(WorkgroupName)) parts.Add($"workgroup '{WorkgroupName}'");
        if (!string.IsNullOrEmpty(Type)) parts.Add($"type '{Type}'");
        if (!string.IsNullOrEmpty(IPAddress)) parts.Add($"IP address '{IPAddress}'");
        if (!string.IsNullOrEmpty(ApplicationDisplayName)) parts.Add($"application '{ApplicationDisplayName}'");
        return parts.Count == 0 ? "every account listed for you" : string.Join(", ", parts);
    }

    private static void Add(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new KeyValuePair<string, string>(name, value!));
        }
    }
}
