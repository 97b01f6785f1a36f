using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// What a running emulator swaps on a reset (<c>POST /emulator/reset</c>): the state built from the seed. It keeps the one
/// clock, the seed as read at start (encrypted: it carries passwords and keys) and the values generated for it, so a reset
/// builds the same state again. Each API call resolves the state once (a scoped service), so a call that runs across a
/// reset sees one state from start to end.
/// </summary>
internal sealed class EmulatorRuntime
{
    private readonly object _gate = new();
    private readonly ProtectedSecret _seedJson;
    private readonly GeneratedSeedValues _generated = new();
    private volatile EmulatorState _state;

    /// <summary>Builds the first state; throws <see cref="SeedException"/> for a bad seed.</summary>
    internal EmulatorRuntime(EmulatorSeed seed, EmulatorClock clock)
    {
        Clock = clock;
        _seedJson = ProtectedSecret.Protect(SeedReader.Serialize(seed));
        _state = StateBuilder.Build(seed, clock, _generated);
    }

    internal EmulatorClock Clock { get; }

    /// <summary>The port the server is bound to (the real one, also when 0 was asked for); a reset keeps it.</summary>
    internal int Port { get; set; }

    /// <summary>The server certificate's thumbprint, to pin; a reset keeps the certificate.</summary>
    internal string? CertificateThumbprint { get; set; }

    /// <summary>The state API calls and control endpoints use now.</summary>
    internal EmulatorState State => _state;

    /// <summary>When the last reset happened (emulator clock), or null.</summary>
    internal DateTimeOffset? LastResetAt { get; private set; }

    /// <summary>
    /// Throws the state away and builds the start seed again (generated keys and secrets as before): every session, token,
    /// request, audit entry, scripted rule and settings change is gone, and the clock runs on real time again.
    /// </summary>
    internal EmulatorState Reset()
    {
        lock (_gate)
        {
            var seed = SeedReader.Parse(_seedJson.Reveal(), "seed read at start", isFile: false);
            Clock.ReturnToRealTime();
            var state = StateBuilder.Build(seed, Clock, _generated);
            _state = state;
            LastResetAt = Clock.GetUtcNow();
            return state;
        }
    }
}
