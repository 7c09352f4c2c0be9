using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("NnViz.Data.Tests")]
