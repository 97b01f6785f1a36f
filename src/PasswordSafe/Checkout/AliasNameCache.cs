using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// Alias names by id for listed requests, which carry only <c>AliasID</c> (api-v3 §3.1): read with one <c>GET Aliases</c>
/// when a listing has an alias request whose name is not known yet, and kept per session for a short time, so a script
/// polling <c>Get-PSRequest</c> does not read the aliases each time. A failed read leaves the names empty (the listing is
/// what was asked for) and is kept as long as names are: a caller who may not list aliases (403 for an approver who is
/// no requestor) would otherwise make one more failing call, and one more failure in the server's logs, per listing.
/// After <see cref="Lifetime"/> the names are read again, so a role granted since is seen within two minutes.
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
    private string? _failure;
    private DateTimeOffset _failureExpiresAt = DateTimeOffset.MinValue;

    internal AliasNameCache(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    public static AliasNameCache For(PasswordSafeSession session) => s_bySession.GetValue(session, _ => new AliasNameCache());

    /// <summary>
    /// Fills <see cref="Request.AliasName"/> of the requests made through an alias; <paramref name="fetch"/> (GET Aliases)
    /// runs at most once, and only when such a request's name is not in the cache and no read has failed within the
    /// lifetime. Never throws for a failed read: Verbose says why the names stay empty, once per
    /// <paramref name="explained"/> (the invocation's flag).
    /// </summary>
    public async Task NameAsync(IReadOnlyList<Request> requests, Func<CancellationToken, Task<IReadOnlyList<ManagedAccountAlias>>> fetch,
        RequestLog log, OnceFlag explained, CancellationToken cancellationToken)
    {
        var unnamed = requests.Where(r => r.AliasId.HasValue && string.IsNullOrEmpty(r.AliasName)).ToList();
        if (unnamed.Count == 0)
        {
            return;
        }

        var names = Fresh();
        if (names == null || unnamed.Any(r => !names.ContainsKey(r.AliasId!.Value)))
        {
            var failed = FreshFailure(out var retryIn);
            if (failed != null)
            {
                Explain(log, explained, $"The alias names could not be read, so AliasName stays empty (not read again for {Seconds(retryIn)} s): {failed}");
                names ??= new Dictionary<int, string>();
            }
            else
            {
                try
                {
                    var aliases = await fetch(cancellationToken).ConfigureAwait(false);
                    names = Store(aliases);
                }
                catch (PasswordSafeException e)
                {
                    // The requests are what was asked for: without the names they are still right.
                    StoreFailure(e.Message);
                    Explain(log, explained, $"The alias names could not be read, so AliasName stays empty (not read again for {Seconds(Lifetime)} s): {e.Message}");
                    names ??= new Dictionary<int, string>();
                }
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

    private static void Explain(RequestLog log, OnceFlag explained, string line)
    {
        if (explained.TakeFirst())
        {
            log.Verbose(line);
        }
    }

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private Dictionary<int, string>? Fresh()
    {
        lock (_gate)
        {
            return _clock() < _expiresAt ? _names : null;
        }
    }

    /// <summary>Why the last read failed, while that failure is kept; null when a read may be tried.</summary>
    private string? FreshFailure(out TimeSpan retryIn)
    {
        lock (_gate)
        {
            retryIn = _failureExpiresAt - _clock();
            return retryIn > TimeSpan.Zero ? _failure : null;
        }
    }

    private void StoreFailure(string message)
    {
        lock (_gate)
        {
            _failure = message;
            _failureExpiresAt = _clock() + Lifetime;
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
            _failure = null;
            _failureExpiresAt = DateTimeOffset.MinValue;
        }

        return names;
    }
}
