using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Seeds/test-seed.json with Seeds/checkout-seed.json merged in (users and groups appended, the checkout sections
/// added), and a read-only view of the secrets tests expect back from the cmdlets and hunt for in what they print.
/// </summary>
public sealed class CheckoutSeed
{
    // Account ids of checkout-seed.json, named after what each account exists for.
    public const int WebAdministrator = 1;
    public const int DatabaseSa = 2;
    public const int DomainServiceAccount = 3;
    public const int LinuxRoot = 4;
    public const int PayrollApplication = 5;
    public const int NotApiEnabled = 6;
    public const int IsaDeploy = 7;
    public const int TwinEastOperator = 8;
    public const int TwinWestOperator = 9;
    public const int RotatingService = 10;
    public const int CloudAdmin = 11;
    public const int RunbookService = 12;

    /// <summary>The seed's Generate section: one system of 25 accounts, requestable by the Requestors group only.</summary>
    public const string GeneratedSystem = "gen-sys-00001";
    public const int GeneratedAccountCount = 25;

    private static readonly Lazy<string> MergedJson = new(Merge);

    private readonly JsonObject root;

    private CheckoutSeed(JsonObject root) => this.root = root;

    public static CheckoutSeed Load() => new(JsonNode.Parse(MergedJson.Value)!.AsObject());

    /// <summary>The merged seed text, for <c>EmulatorSeed.Parse</c>.</summary>
    public static string Json => MergedJson.Value;

    public string UserPassword(string userName) => (string)User(userName)["Password"]!;

    public string AccountPassword(int accountId) => (string)Account(accountId)["Password"]!;

    public string AccountPrivateKey(int accountId) => (string)Account(accountId)["PrivateKey"]!;

    public string AccountPassphrase(int accountId) => (string)Account(accountId)["Passphrase"]!;

    /// <summary>
    /// Every secret of the merged seed: API keys, user passwords, client secrets, challenge answers, and the
    /// managed accounts' passwords, DSS keys (whole and line by line) and passphrases.
    /// </summary>
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

        foreach (var account in root["ManagedAccounts"]!.AsArray())
        {
            if ((string?)account!["Password"] is { } password) secrets.Add(password);
            if ((string?)account["Passphrase"] is { } passphrase) secrets.Add(passphrase);
            if ((string?)account["PrivateKey"] is { } key)
            {
                // A key printed with other line endings would not match whole; its body line still would.
                secrets.Add(key);
                secrets.AddRange(key.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)));
            }
        }

        return secrets;
    }

    private static string Merge()
    {
        var merged = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestSeed))!.AsObject();
        var checkout = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "checkout-seed.json")))!.AsObject();
        foreach (var (name, value) in checkout.ToList())
        {
            checkout.Remove(name);
            if (merged[name] is JsonArray existing && value is JsonArray added)
            {
                foreach (var item in added.ToList())
                {
                    added.Remove(item);
                    existing.Add(item);
                }
            }
            else
            {
                merged[name] = value;
            }
        }

        return merged.ToJsonString();
    }

    private JsonNode User(string userName) =>
        root["Users"]!.AsArray().Single(u => string.Equals((string)u!["UserName"]!, userName, StringComparison.OrdinalIgnoreCase))!;

    private JsonNode Account(int accountId) =>
        root["ManagedAccounts"]!.AsArray().Single(a => (int)a!["ManagedAccountID"]! == accountId)!;
}
