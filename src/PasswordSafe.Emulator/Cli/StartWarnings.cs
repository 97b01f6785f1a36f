using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Cli;

/// <summary>What the start banner warns about: things that let the emulator start but probably not as meant.</summary>
internal static class StartWarnings
{
    /// <summary>How many ignored seed properties are named before "and N more".</summary>
    internal const int MaxNamedProperties = 10;

    internal static IReadOnlyList<string> For(CommandLine commandLine, IReadOnlyList<string> ignoredSeedProperties, EmulatorState state)
    {
        var warnings = new List<string>();
        if (commandLine.ClientCaPath is null)
        {
            // B5: without a CA nothing chains, so every sign-in with such a registration is refused.
            foreach (var registration in state.ApiRegistrations.Where(r => r.ClientCertificateRequired))
            {
                warnings.Add($"registration [{registration.Id}] '{registration.Name}' requires a client certificate (B5), but no --client-ca " +
                    "was given, so no certificate is trusted and every sign-in with it is refused (403 with a certificate, 401 without). " +
                    "Start with --client-ca CA.cer " +
                    "(the CA that issues your client certificates), or set ClientCertificateRequired to false in the seed.");
            }
        }
        if (ignoredSeedProperties.Count > 0)
        {
            var named = string.Join(", ", ignoredSeedProperties.Take(MaxNamedProperties));
            var more = ignoredSeedProperties.Count > MaxNamedProperties ? $" and {ignoredSeedProperties.Count - MaxNamedProperties:N0} more" : string.Empty;
            warnings.Add($"the seed file '{commandLine.SeedPath}' has properties the emulator does not know, so they are ignored: {named}{more}. " +
                "Check their spelling against \"Seed format\" in the emulator README.");
        }
        return warnings;
    }
}
