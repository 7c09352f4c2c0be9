namespace NnViz.Plot;
