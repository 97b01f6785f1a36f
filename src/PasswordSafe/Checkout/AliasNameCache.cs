using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Checkout;

/// <summary>
/// Alias names by id for listed requests, which carry only <c>AliasID</c> (api-v3 §3.1): read with one <c>GET Aliases</c>
/// when a listing has an alias request whose name is not known yet, and kept per session for a short time, so a script
/// polling <c>Get-PSRequest</c> does not read the aliases each time. A failed read leaves the names empty (the listing is
/// what was asked for) and is not kept, so the next listing tries again.
/// </summary>
internal sealed class AliasNameCache
{
    /// <summary>As long as the completion lists are kept: aliases are seeded or rarely renamed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly ConditionalWeakTable<PasswordSafeSession, AliasNameCache> s_bySession =
        new ConditionalWeakTable<PasswordSafeSession, AliasNameCache>();

    private readonly object _gate = new object();
    private readonly Func<DateTimeOffset> _clock;
    private Dictionary<int, string> _names = new Dictionary<int, string>();
    private DateTimeOffset _expiresAt = DateTimeOffset.MinValue;

    internal AliasNameCache(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    public static AliasNameCache For(PasswordSafeSession session) => s_bySession.GetValue(session, _ => new AliasNameCache());

    /// <summary>
    /// Fills <see cref="Request.AliasName"/> of the requests made through an alias; <paramref name="fetch"/> (GET Aliases)
    /// runs at most once, and only when such a request's name is not in the cache. Never throws for a failed read.
    /// </summary>
    public async Task NameAsync(IReadOnlyList<Request> requests, Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> fetch,
        RequestLog log, CancellationToken cancellationToken)
    {
        var unnamed = requests.Where(r => r.AliasId.HasValue && string.IsNullOrEmpty(r.AliasName)).ToList();
        if (unnamed.Count == 0)
        {
            return;
        }

        var names = Fresh();
        if (names == null || unnamed.Any(r => !names.ContainsKey(r.AliasId!.Value)))
        {
            try
            {
                var aliases = await fetch(cancellationToken).ConfigureAwait(false);
                names = Store(aliases);
            }
            catch (PasswordSafeException e)
            {
                // The requests are what was asked for: without the names they are still right.
                log.Verbose($"The alias names could not be read, so AliasName stays empty: {e.Message}");
                names ??= new Dictionary<int, string>();
            }
        }

        foreach (var request in unnamed)
        {
            if (names.TryGetValue(request.AliasId!.Value, out var name))
            {
                request.AliasName = name;
            }
        }
    }

    private Dictionary<int, string>? Fresh()
    {
        lock (_gate)
        {
            return _clock() < _expiresAt ? _names : null;
        }
    }

    private Dictionary<int, string> Store(IReadOnlyList<ManagedAccountAlias> aliases)
    {
        var names = new Dictionary<int, string>();
        foreach (var alias in aliases)
        {
            if (!string.IsNullOrEmpty(alias.AliasName))
            {
                names[alias.AliasId] = alias.AliasName!;
            }
        }

        lock (_gate)
        {
            _names = names;
            _expiresAt = _clock() + Lifetime;
        }

        return names;
    }
}
