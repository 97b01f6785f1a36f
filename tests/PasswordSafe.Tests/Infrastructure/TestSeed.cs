using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Read-only view of Seeds/test-seed.json: the secrets tests pass to cmdlets and later hunt for in the output.
/// The seed file stays the single source of truth; nothing here duplicates its values.
/// </summary>
public sealed class TestSeed
{
    // Registration ids, named after the scenario each one exists for.
    public const int PlainKey = 1;
    public const int MfaKey = 2;
    public const int PasswordKey = 3;
    public const int CertificateKey = 4;
    public const int BalancerKey = 5;
    public const int RemoteOnlyKey = 6;
    public const int LegacyGuidKey = 7;
    public const int InactiveKey = 8;
    public const int UngrantedKey = 9;
    public const int GeneratedKey = 10;
    public const int AdminKey = 11;
    public const int AutomationPolicy = 20;
    public const int ShortLivedPolicy = 21;
    public const int RemotePolicy = 22;

    private readonly JsonObject root;

    private TestSeed(JsonObject root) => this.root = root;

    public static TestSeed Load(string? path = null)
    {
        var text = File.ReadAllText(path ?? RepositoryPaths.TestSeed);
        return new TestSeed(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The API key of a registration (null when the emulator generates it).</summary>
    public string? ApiKey(int registrationId) => (string?)Registration(registrationId)["Key"];

    public string Password(string userName) => (string)User(userName)["Password"]!;

    public string ClientId(string userName) => (string)User(userName)["ClientID"]!;

    public string ClientSecret(string userName) => (string)User(userName)["ClientSecret"]!;

    public string ChallengeAnswer(string userName) => (string)User(userName)["TwoFactor"]!["Answer"]!;

    public string ChallengePrompt(string userName) => (string)User(userName)["TwoFactor"]!["Prompt"]!;

    public int UserId(string userName) => (int)User(userName)["UserID"]!;

    /// <summary>Every secret the seed holds: keys, passwords, client secrets and challenge answers.</summary>
    public IReadOnlyList<string> AllSecrets()
    {
        var secrets = new List<string>();
        foreach (var registration in root["ApiRegistrations"]!.AsArray())
        {
            if ((string?)registration!["Key"] is { } key) secrets.Add(key);
        }

        foreach (var user in root["Users"]!.AsArray())
        {
            if ((string?)user!["Password"] is { } password) secrets.Add(password);
            if ((string?)user["ClientSecret"] is { } secret) secrets.Add(secret);
            if ((string?)user["TwoFactor"]?["Answer"] is { } answer) secrets.Add(answer);
        }

        return secrets;
    }

    /// <summary>
    /// Writes a changed copy of the seed to a temporary file, for tests that start their own emulator
    /// with different settings (licence, API disabled, idle timeout…).
    /// </summary>
    public static string WriteVariant(Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestSeed))!.AsObject();
        change(copy);
        var path = Path.Combine(Path.GetTempPath(), $"passwordsafe-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, copy.ToJsonString());
        return path;
    }

    private JsonNode Registration(int id) =>
        root["ApiRegistrations"]!.AsArray().Single(r => (int)r!["Id"]! == id)!;

    private JsonNode User(string userName) =>
        root["Users"]!.AsArray().Single(u => string.Equals((string)u!["UserName"]!, userName, StringComparison.OrdinalIgnoreCase))!;
}
