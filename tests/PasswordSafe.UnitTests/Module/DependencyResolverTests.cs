using System;
using System.Reflection;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// The Newtonsoft.Json resolver is process-wide (on Windows PowerShell 5.1 every module shares the AppDomain), so it
/// answers only this module's own request: the version it ships, asked for by its assembly (or by nobody the runtime can
/// name). Other modules' requests are left to them.
/// </summary>
public class DependencyResolverTests
{
    private static readonly Assembly Module = typeof(ApiClient).Assembly;
    private static readonly Assembly OtherModule = typeof(Xunit.Assert).Assembly;
    private static readonly Version Shipped = new Version(13, 0, 0, 0);

    private static AssemblyName Request(string version) =>
        new AssemblyName($"Newtonsoft.Json, Version={version}, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed");

    [Fact]
    public void TheModulesOwnRequest_ForTheShippedVersion_IsAnswered() =>
        Assert.True(DependencyResolver.Answers(Request("13.0.0.0"), Module, Shipped, Module));

    [Fact]
    public void ARequestWhoseRequesterIsUnknown_IsAnsweredOnlyForTheShippedVersion()
    {
        Assert.True(DependencyResolver.Answers(Request("13.0.0.0"), null, Shipped, Module));
        Assert.False(DependencyResolver.Answers(Request("12.0.0.0"), null, Shipped, Module));
        Assert.False(DependencyResolver.Answers(Request("6.0.0.0"), null, Shipped, Module));
        Assert.False(DependencyResolver.Answers(Request("14.0.0.0"), null, Shipped, Module));
    }

    [Theory]
    [InlineData("13.0.0.0")]
    [InlineData("12.0.0.0")]
    [InlineData("11.0.0.0")]
    public void AnotherModulesRequest_IsNeverAnswered(string version) =>
        Assert.False(DependencyResolver.Answers(Request(version), OtherModule, Shipped, Module));

    [Fact]
    public void APartialName_IsAnsweredOnlyForTheModuleItself()
    {
        var partial = new AssemblyName("Newtonsoft.Json");

        Assert.True(DependencyResolver.Answers(partial, Module, Shipped, Module));
        Assert.False(DependencyResolver.Answers(partial, null, Shipped, Module));
        Assert.False(DependencyResolver.Answers(partial, OtherModule, Shipped, Module));
    }

    [Fact]
    public void WithoutAShippedVersion_NothingVersionedIsAnswered() =>
        Assert.False(DependencyResolver.Answers(Request("13.0.0.0"), Module, null, Module));

    [Fact]
    public void TheModuleReferences_ExactlyTheVersionItShips()
    {
        var referenced = Array.Find(Module.GetReferencedAssemblies(), a => a.Name == "Newtonsoft.Json");

        Assert.NotNull(referenced);
        Assert.Equal(Shipped, referenced!.Version);
        Assert.True(DependencyResolver.Answers(referenced, Module, Shipped, Module));
        Assert.Equal(Shipped, System.Reflection.AssemblyName.GetAssemblyName(BuiltDependency()).Version);
    }

    // The copy the built module carries in out/PasswordSafe/Dependencies, which the resolver loads.
    private static string BuiltDependency()
    {
        for (var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var path = System.IO.Path.Combine(dir.FullName, "out", "PasswordSafe", "Dependencies", "Newtonsoft.Json.dll");
            if (System.IO.File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("out/PasswordSafe/Dependencies/Newtonsoft.Json.dll not found above " + AppContext.BaseDirectory);
    }
}
