using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// A profile-like breakdown of the listing: the per-page steps of both sides timed on real page bodies (best of 3
/// on a sample of pages, scaled to the whole listing). The module's internal steps are called through reflection on
/// the loaded module assembly — <c>CheckoutJson.ReadAccountPage</c> (the token reader straight into ManagedAccount
/// objects) and <c>Redactor.RedactJson</c> (what <c>ApiClient.LogResponse</c> runs on a body when -Debug is on) — so
/// the numbers are the module's real code, not a re-implementation. The DOM row shows what a JSON tree would cost.
/// </summary>
internal sealed class ListingBreakdown
{
    private const int SampledPages = 8;
    private const int Attempts = 3;

    private readonly PlainClient _plain;
    private readonly int _pageSize;

    public ListingBreakdown(PlainClient plain, int pageSize)
    {
        _plain = plain;
        _pageSize = pageSize;
    }

    /// <summary>Per-listing milliseconds of each step, for a listing of <paramref name="totalItems"/> items.</summary>
    public IReadOnlyList<(string Step, double PerPageMs, double PerListingMs, double AllocatedKbPerPage)> Measure(long totalItems)
    {
        var module = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "PasswordSafe")
            ?? throw new InvalidOperationException("The PasswordSafe module assembly is not loaded; import the module first.");
        var readAccountPage = Method(module, "PasswordSafe.Checkout.CheckoutJson", "ReadAccountPage");
        var redactJson = Method(module, "PasswordSafe.Http.Redactor", "RedactJson");
        var responseType = module.GetType("PasswordSafe.Http.ApiResponse", throwOnError: true)!;

        var pages = (int)Math.Ceiling(totalItems / (double)_pageSize);
        var bodies = Enumerable.Range(0, Math.Min(SampledPages, pages))
            .Select(i => _plain.GetPageBodyAsync((long)i * (pages / Math.Min(SampledPages, pages)) * _pageSize, _pageSize).GetAwaiter().GetResult())
            .Where(b => b.Length > 2)
            .ToList();

        var steps = new List<(string, Func<string, object?>)>
        {
            ("plain: JsonConvert.DeserializeObject<List<T>>", body => JsonConvert.DeserializeObject<List<PlainManagedAccount>>(body)),
            ("module: JToken.ReadFrom (DOM only)", body =>
            {
                using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
                return JToken.ReadFrom(reader);
            }),
            ("module: CheckoutJson.ReadAccountPage (token reader → ManagedAccount)", body =>
                readAccountPage.Invoke(null, new object?[] { NewResponse(responseType, body), _pageSize, null })),
            ("module: Redactor.RedactJson on the body (only with -Debug)", body => redactJson.Invoke(null, new object?[] { body })),
        };

        var result = new List<(string, double, double, double)>();
        foreach (var (name, step) in steps)
        {
            foreach (var body in bodies) step(body); // warm-up: JIT and regex caches
            var perPage = bodies.Average(body => BestOf(() => step(body)));
            var allocated = bodies.Average(body => AllocatedBy(() => step(body))) / 1024.0;
            result.Add((name, perPage, perPage * pages, allocated));
        }

        return result;
    }

    private static double BestOf(Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Attempts; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Statistics.Milliseconds(Stopwatch.GetTimestamp() - started));
        }

        return best;
    }

    private static double AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static MethodInfo Method(Assembly module, string typeName, string name) =>
        module.GetType(typeName, throwOnError: true)!.GetMethod(name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new MissingMethodException(typeName, name);

    /// <summary>An ApiResponse as ApiClient builds it for a 200 page (internal constructor).</summary>
    private static object NewResponse(Type responseType, string body) =>
        Activator.CreateInstance(responseType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object?[]
        {
            "GET", new Uri("https://127.0.0.1/BeyondTrust/api/public/v3/ManagedAccounts"), 200, "OK", body, "application/json",
            new Dictionary<string, string>(), null, TimeSpan.Zero,
        }, null)!;
}
