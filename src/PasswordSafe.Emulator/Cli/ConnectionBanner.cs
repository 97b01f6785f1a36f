using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PasswordSafe.Emulator.Cli;

/// <summary>
/// What the CLI prints at start: where to connect and with what. Keys and client secrets are shown only for the
/// demo seed (published values) or when the emulator generated them (nobody else could know them); secrets the
/// user wrote into a seed file, passwords and challenge answers of custom seeds are never printed.
/// </summary>
internal static class ConnectionBanner
{
    private const string ConsoleActor = "emulator console";

    /// <summary>How many run-as users (and application users) a list names before "… and N more".</summary>
    internal const int MaxListed = 10;

    internal static void Write(TextWriter output, EmulatorServer server, bool isDemoSeed, string? exportedCertificatePath = null,
        IReadOnlyList<string>? warnings = null)
    {
        // First, so a warning is not lost below a long list of users.
        foreach (var warning in warnings ?? []) output.WriteLine($"Warning: {warning}");
        if (warnings is { Count: > 0 }) output.WriteLine();
        var state = server.State;
        var root = server.RootUri.ToString().TrimEnd('/');
        var thumbprint = server.ServerCertificate.Thumbprint;
        output.WriteLine($"PasswordSafe emulator listening on {server.RootUri}");
        output.WriteLine($"  API base path      {server.BaseUri}");
        output.WriteLine($"  Legacy base path   {server.LegacyBaseUri}");
        output.WriteLine($"  Server certificate {server.ServerCertificate.Subject}, thumbprint {thumbprint}");
        output.WriteLine(exportedCertificatePath is null
            ? "  Trust or pin       pin the thumbprint (-ServerCertificateThumbprint), or write the certificate with --export-certificate FILE.cer and trust that file"
            : $"  Trust or pin       certificate written to {exportedCertificatePath}: trust it (Windows: Import-Certificate -FilePath {exportedCertificatePath} -CertStoreLocation Cert:\\CurrentUser\\Root), or pin the thumbprint");
        output.WriteLine(server.HasGeneratedCertificate
            ? "  State              in memory only: a restart starts from the seed again, with a new self-signed certificate (keep one with --certificate)"
            : "  State              in memory only: a restart starts from the seed again (the certificate is the --certificate one)");
        output.WriteLine($"  Audit              {root}/emulator/audit   (also /emulator/status, /emulator/settings)");
        if (server.State.Settings.ResponseDelayMilliseconds > 0)
            output.WriteLine($"  Response delay     {server.State.Settings.ResponseDelayMilliseconds} ms before every API call (--response-delay-ms)");
        output.WriteLine();

        var groups = state.UserGroups;
        var allUsers = state.Users;
        var humans = allUsers.Where(u => u.UserType != UserType.Application).ToList();
        output.WriteLine("API key registrations (PS-Auth):");
        foreach (var registration in state.ApiRegistrations.Where(r => r.RegistrationType == RegistrationType.ApiKeyPolicy))
        {
            output.WriteLine($"  [{registration.Id}] {registration.Name}: MFA {(registration.MultiFactorAuthenticationEnforced ? "on" : "off")}, " +
                $"user password {(registration.UserPasswordRequired ? "required" : "not required")}, " +
                $"client certificate {(registration.ClientCertificateRequired ? "required" : "not required")}");
            var key = isDemoSeed || state.WasKeyGenerated(registration.Id)
                ? state.ReadApiKey(registration.Id, ConsoleActor)
                : "(as written in your seed file)";
            output.WriteLine($"      key: {key}");
            // A7: members of the active groups granted the registration; one pass over the groups, not one per user.
            var granted = groups.Where(g => g.IsActive && g.ApplicationRegistrationIds.Contains(registration.Id)).SelectMany(g => g.MemberIds).ToHashSet();
            var users = humans.Where(u => granted.Contains(u.UserId)).ToList();
            output.WriteLine($"      run-as users: {Shortened(users.Take(MaxListed + 1).Select(u => Describe(u, state)).ToList(), users.Count)}");
        }
        output.WriteLine();

        var applications = allUsers.Where(u => u.UserType == UserType.Application).ToList();
        if (applications.Count > 0)
        {
            output.WriteLine("OAuth application users (POST Auth/connect/token):");
            foreach (var user in applications.Take(MaxListed))
            {
                var secret = isDemoSeed || state.WasClientSecretGenerated(user.UserId)
                    ? state.RevealClientSecret(user.UserId)
                    : "(as written in your seed file)";
                output.WriteLine($"  {user.UserName}: client id {user.ClientId}, client secret {secret}, access policy {user.AccessPolicyId}");
            }
            if (applications.Count > MaxListed)
                output.WriteLine($"  … and {applications.Count - MaxListed:N0} more (GET Users lists them)");
            output.WriteLine();
        }

        if (isDemoSeed)
        {
            output.WriteLine($"Demo 2FA: with key [{DemoSeed.MfaApiKeyRegistrationId}], '{DemoSeed.ChallengeUser}' is asked \"{DemoSeed.ChallengePrompt}\"; " +
                $"the answer is {DemoSeed.ChallengeAnswer}. '{DemoSeed.PushUser}' gets an approved push.");
            output.WriteLine();
        }

        WriteCheckout(output, state, root, isDemoSeed);

        var (registrationId, runAs) = SuggestedSignIn(state, isDemoSeed);
        output.WriteLine($"PowerShell (paste the key of registration {registrationId} at the prompt):");
        output.WriteLine("  Import-Module ./out/PasswordSafe/PasswordSafe.psd1");
        output.WriteLine($"  Connect-PasswordSafe -Uri {root} -ApiKey (Read-Host -AsSecureString) -RunAs {runAs} -ServerCertificateThumbprint {thumbprint}");
        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>E1–E4: what there is to request and what to type first.</summary>
    private static void WriteCheckout(TextWriter output, EmulatorState state, string root, bool isDemoSeed)
    {
        output.WriteLine($"Checkout: {state.ManagedAccountCount} managed accounts on {state.ManagedSystems.Count} systems; " +
            $"requests at {root}/emulator/requests");
        if (state.Workgroups.Any(w => w.Name == AccountGenerator.WorkgroupName))
            output.WriteLine($"  Generated accounts: systems {AccountGenerator.SystemName(1)}…, accounts {AccountGenerator.AccountName(1)}… (auto-approved)");
        if (isDemoSeed)
        {
            output.WriteLine($"  As {DemoSeed.RunAs} (or {DemoSeed.DirectoryRunAs}), try:");
            output.WriteLine("    Get-PSManagedAccount");
            output.WriteLine($"    Get-PSManagedAccount -SystemName {DemoSeed.WindowsSystemName} -AccountName {DemoSeed.WindowsAccountName} | New-PSRequest -Reason 'try it' | Get-PSCredential");
            output.WriteLine("    Get-PSRequest | Complete-PSRequest -Reason 'done'");
            output.WriteLine($"    New-PSRequest -SystemName {DemoSeed.DatabaseSystemName} -AccountName {DemoSeed.DatabaseAccountName} -Reason 'needs approval' | Wait-PSRequest   # waits until '{DemoSeed.ApproverUser}' runs Approve-PSRequest");
            output.WriteLine($"    New-PSRequest -SystemName {DemoSeed.LinuxSystemName} -AccountName {DemoSeed.LinuxAccountName} -Reason 'key' | Get-PSCredential -Type DssKey");
            output.WriteLine($"  Domain account: {DemoSeed.DomainAccountQualifiedName} or {DemoSeed.DomainAccountUpn} on {DemoSeed.DomainSystemName}; " +
                $"approver: {DemoSeed.ApproverUser}; ISA: {DemoSeed.IsaUser} (Get-PSIsaCredential {DemoSeed.LinuxSystemName} {DemoSeed.IsaOnlyAccountName})");
        }
        else
        {
            output.WriteLine("  Try: Get-PSManagedAccount | Select-Object -First 1 | New-PSRequest -Reason 'try it' | Get-PSCredential");
        }
        output.WriteLine();
    }

    /// <summary>The demo's documented pair, or the first key registration and a user granted it.</summary>
    private static (string RegistrationId, string RunAs) SuggestedSignIn(EmulatorState state, bool isDemoSeed)
    {
        if (isDemoSeed) return (DemoSeed.ApiKeyRegistrationId.ToString(), DemoSeed.RunAs);
        foreach (var registration in state.ApiRegistrations.Where(r => r.RegistrationType == RegistrationType.ApiKeyPolicy))
        {
            var user = state.Users.FirstOrDefault(u => u.UserType != UserType.Application && state.GroupsOf(u.UserId)
                .Any(g => g.IsActive && g.ApplicationRegistrationIds.Contains(registration.Id)));
            if (user is not null) return (registration.Id.ToString(), user.SignInName);
        }
        return ("N", "<run-as user>");
    }

    /// <summary>
    /// "a, b, c" — or the first <see cref="MaxListed"/> and "… and 49,990 more": a 50,000-user seed must not print a line of
    /// hundreds of kilobytes.
    /// </summary>
    internal static string Shortened(IReadOnlyList<string> firstNames, int total) =>
        total == 0 ? "(none: no active group grants this registration)"
        : total <= MaxListed ? string.Join(", ", firstNames)
        : $"{string.Join(", ", firstNames.Take(MaxListed))}, … and {total - MaxListed:N0} more";

    private static string Describe(EmulatorUser user, EmulatorState state)
    {
        var name = user.SignInName;
        var notes = new System.Collections.Generic.List<string>();
        if (state.IsAdministrator(user.UserId)) notes.Add("admin");
        if (user.TwoFactor.Type != TwoFactorType.None) notes.Add($"2FA {user.TwoFactor.Type.ToString().ToLowerInvariant()}");
        return notes.Count == 0 ? name : $"{name} ({string.Join(", ", notes)})";
    }
}
