using System;
using System.IO;
using System.Reflection;
using System.Threading;

namespace PasswordSafe.Internal;

/// <summary>
/// Resolves Newtonsoft.Json from the module's <c>Dependencies/</c> folder when nobody else has it
/// (Windows PowerShell 5.1, or a PowerShell without its own copy), for this module's own requests only
/// (<see cref="Answers"/>). On PowerShell 7 the assembly is loaded through the module's own AssemblyLoadContext,
/// found by reflection because netstandard2.0 cannot name that type; elsewhere through LoadFrom. Never LoadFile
/// (ALC samples: it leaks into PowerShell's type resolution).
/// </summary>
internal static class DependencyResolver
{
    private const string DependencyName = "Newtonsoft.Json";
    private static readonly object s_gate = new object();
    private static int s_registered;
    private static Assembly? s_loaded;

    public static string DependencyDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "Dependencies");

    /// <summary>Registers once per process; it stays registered because the assembly cannot unload and other runspaces may still need it.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var requested = new AssemblyName(args.Name);
        if (!string.Equals(requested.Name, DependencyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = Path.Combine(DependencyDirectory, DependencyName + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        lock (s_gate)
        {
            if (!Answers(requested, args.RequestingAssembly, AssemblyName.GetAssemblyName(path).Version, typeof(DependencyResolver).Assembly))
            {
                return null;
            }

            s_loaded ??= LoadFromPath(path);
            return s_loaded;
        }
    }

    /// <summary>
    /// Whether a request for Newtonsoft.Json is this module's to answer. The handler is process-wide (on Windows
    /// PowerShell 5.1 every module shares one AppDomain), so it answers only what this module asks for: the exact version
    /// it ships, requested by this module's assembly, or with no requesting assembly (the runtime does not always know
    /// it) for exactly that version. Another module's request (another version, or this one from its own assembly) is
    /// left to that module's own resolution: answering it with our copy could load a version it was not built against ahead of
    /// its own, or hide the error that tells its user what is missing. A request without a version (a partial name) is
    /// ours only when our assembly makes it.
    /// </summary>
    internal static bool Answers(AssemblyName requested, Assembly? requestingAssembly, Version? shippedVersion, Assembly moduleAssembly)
    {
        if (requestingAssembly != null && requestingAssembly != moduleAssembly)
        {
            return false;
        }

        if (requested.Version == null)
        {
            return requestingAssembly == moduleAssembly;
        }

        return shippedVersion != null && requested.Version == shippedVersion;
    }

    private static Assembly LoadFromPath(string path)
    {
        var loadContextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
        var getLoadContext = loadContextType?.GetMethod("GetLoadContext", new[] { typeof(Assembly) });
        var loadFromPath = loadContextType?.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
        if (getLoadContext != null && loadFromPath != null)
        {
            var moduleContext = getLoadContext.Invoke(null, new object[] { typeof(DependencyResolver).Assembly });
            if (moduleContext != null)
            {
                return (Assembly)loadFromPath.Invoke(moduleContext, new object[] { path })!;
            }
        }

        return Assembly.LoadFrom(path);
    }
}
